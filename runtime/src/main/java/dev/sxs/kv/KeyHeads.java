package dev.sxs.kv;

/**
 * 8-byte "heads" of keys for cache-friendly binary search: the bytes of a key from a given offset (just
 * after a prefix known to be shared) as an unsigned big-endian long, zero-padded. For two keys that
 * share the first {@code from} bytes, different heads order them exactly like their bytes do; equal
 * heads say nothing, and the caller compares the whole keys.
 * <p>
 * Threading: stateless. Allocation: none.
 */
final class KeyHeads
{
    private KeyHeads()
    {
    }

    /**
     * @param key  the key's bytes.
     * @param from offset of the first byte of the head.
     * @return bytes {@code [from, from + 8)} of the key, zero-padded, as an unsigned big-endian long.
     */
    static long head(final byte[] key, final int from)
    {
        return head(key, 0, key.length, from);
    }

    /**
     * @param data   bytes holding the key.
     * @param offset where the key starts in {@code data}.
     * @param length the key's length.
     * @param from   offset inside the key of the first byte of the head.
     * @return the head.
     */
    static long head(final byte[] data, final int offset, final int length, final int from)
    {
        final int available = Math.min(8, length - from);
        if (available <= 0)
        {
            return 0;
        }
        long head = 0;
        final int start = offset + from;
        for (int i = 0; i < available; i++)
        {
            head = head << 8 | (data[start + i] & 0xFF);
        }
        return available == 8 ? head : head << (8 * (8 - available));
    }

    /**
     * @param a one key.
     * @param b another key.
     * @return the length of their common prefix.
     */
    static int commonPrefix(final byte[] a, final byte[] b)
    {
        final int mismatch = java.util.Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }
}
