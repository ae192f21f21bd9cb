package dev.sxs.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A run of sorted keys packed in one byte array: key bytes are appended to {@code data}, and the
 * sorted order lives in two parallel arrays: 8-byte heads for the search (see {@link KeyHeads}) and
 * slots packing each key's offset and length in one long. Removing a key leaves its
 * bytes as garbage until the next compaction.
 * <p>
 * A chunk owns the key range {@code [lower, upper)}; {@code upper} is null for the last chunk.
 * <p>
 * Threading: not thread-safe; {@link ChunkedKeyIndex} guards every access with the chunk's monitor.
 * Allocation: grows its arrays by a quarter at a time (and trims each half at a split); never allocates on
 * lookup.
 */
final class KeyChunk
{
    private static final int INITIAL_SLOTS = 16;
    private static final int INITIAL_BYTES = 256;

    final byte[] lower;
    private byte[] upper;
    boolean dead;

    private byte[] data;
    private int used;
    private int garbage;
    private long[] heads;
    private long[] slots;
    private int count;
    private int headFrom;

    KeyChunk(final byte[] lower, final byte[] upper)
    {
        this.lower = lower;
        this.upper = upper;
        this.headFrom = headFrom(lower, upper);
        this.data = new byte[INITIAL_BYTES];
        this.heads = new long[INITIAL_SLOTS];
        this.slots = new long[INITIAL_SLOTS];
    }

    /** Every key of {@code [lower, upper)} shares the common prefix of the two bounds; heads start after it. */
    private static int headFrom(final byte[] lower, final byte[] upper)
    {
        return upper == null || lower.length == 0 ? 0 : KeyHeads.commonPrefix(lower, upper);
    }

    byte[] upper()
    {
        return upper;
    }

    /**
     * Change the exclusive upper bound (after a split or merge), recomputing the heads.
     *
     * @param newUpper the new upper bound, null for none.
     */
    void upper(final byte[] newUpper)
    {
        upper = newUpper;
        final int from = headFrom(lower, newUpper);
        if (from != headFrom)
        {
            headFrom = from;
            for (int i = 0; i < count; i++)
            {
                heads[i] = KeyHeads.head(data, offset(i), length(i), from);
            }
        }
    }

    /**
     * @param key a position in key space.
     * @return true when this live chunk owns the range holding {@code key}.
     */
    boolean covers(final byte[] key)
    {
        return !dead && (upper == null || Arrays.compareUnsigned(key, upper) < 0);
    }

    int count()
    {
        return count;
    }

    int liveBytes()
    {
        return used - garbage;
    }

    /**
     * @param key the key.
     * @return its slot, or {@code -(insertionPoint + 1)} when absent.
     */
    int search(final byte[] key)
    {
        final long head = KeyHeads.head(key, headFrom);
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            int cmp = Long.compareUnsigned(heads[mid], head);
            if (cmp == 0)
            {
                final int off = offset(mid);
                cmp = Arrays.compareUnsigned(data, off, off + length(mid), key, 0, key.length);
            }
            if (cmp < 0)
            {
                low = mid + 1;
            }
            else if (cmp > 0)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    /**
     * @param key a position in key space.
     * @return the first slot whose key is at or after {@code key}; {@link #count()} when none.
     */
    int ceilingSlot(final byte[] key)
    {
        final int slot = search(key);
        return slot >= 0 ? slot : -(slot + 1);
    }

    boolean insert(final byte[] key)
    {
        final int slot = search(key);
        if (slot >= 0)
        {
            return false;
        }
        insertAt(-(slot + 1), key, 0, key.length);
        return true;
    }

    boolean delete(final byte[] key)
    {
        final int slot = search(key);
        if (slot < 0)
        {
            return false;
        }
        garbage += length(slot);
        final int tail = count - slot - 1;
        System.arraycopy(heads, slot + 1, heads, slot, tail);
        System.arraycopy(slots, slot + 1, slots, slot, tail);
        count--;
        if (count == 0)
        {
            used = 0;
            garbage = 0;
        }
        return true;
    }

    /** Append a key known to sort after every key of this chunk. */
    void append(final byte[] source, final int offset, final int length)
    {
        insertAt(count, source, offset, length);
    }

    boolean startsWith(final int slot, final byte[] prefix)
    {
        final int len = length(slot);
        if (len < prefix.length)
        {
            return false;
        }
        final int off = offset(slot);
        return Arrays.equals(data, off, off + prefix.length, prefix, 0, prefix.length);
    }

    String keyString(final int slot)
    {
        return new String(data, offset(slot), length(slot), StandardCharsets.UTF_8);
    }

    /**
     * Hand every key of this chunk, in order, to {@code visitor} (the bytes are this chunk's: read, do not keep).
     *
     * @param visitor receives each key.
     * @throws java.io.IOException when the visitor fails.
     */
    void forEachKey(final KeyVisitor visitor) throws java.io.IOException
    {
        for (int i = 0; i < count; i++)
        {
            visitor.key(data, offset(i), length(i));
        }
    }

    byte[] keyBytes(final int slot)
    {
        final int off = offset(slot);
        return Arrays.copyOfRange(data, off, off + length(slot));
    }

    /**
     * Move the upper half of the keys to a new chunk that takes over the range from its first key.
     *
     * @return the new chunk, not yet published.
     */
    KeyChunk splitUpper()
    {
        final int mid = count >>> 1;
        final byte[] splitKey = keyBytes(mid);
        final KeyChunk right = new KeyChunk(splitKey, upper);
        for (int i = mid; i < count; i++)
        {
            right.append(data, offset(i), length(i));
        }
        int live = 0;
        for (int i = 0; i < mid; i++)
        {
            live += length(i);
        }
        count = mid;
        compact(Math.max(INITIAL_BYTES, grown(live)));
        resizeSlots(Math.max(INITIAL_SLOTS, grown(mid)));
        upper(splitKey);
        return right;
    }

    /** Take every key of {@code right}, the chunk owning the range just after this one. */
    void absorb(final KeyChunk right)
    {
        upper(right.upper);
        for (int i = 0; i < right.count; i++)
        {
            append(right.data, right.offset(i), right.length(i));
        }
    }

    /**
     * @return heap bytes held by this chunk's arrays (an estimate, object headers included; the lower bound is counted by the directory).
     */
    long heapBytes()
    {
        return 56L + 16 + data.length + 16 + 8L * heads.length + 16 + 8L * slots.length;
    }

    private void insertAt(final int slot, final byte[] source, final int offset, final int length)
    {
        if (count == slots.length)
        {
            resizeSlots(grown(count));
        }
        if (used + length > data.length)
        {
            if (garbage > 0 && (used - garbage) + length <= data.length)
            {
                compact(0);
            }
            else
            {
                compact(Math.max(grown(data.length), used - garbage + length));
            }
        }
        System.arraycopy(source, offset, data, used, length);
        final int tail = count - slot;
        System.arraycopy(heads, slot, heads, slot + 1, tail);
        System.arraycopy(slots, slot, slots, slot + 1, tail);
        heads[slot] = KeyHeads.head(source, offset, length, headFrom);
        slots[slot] = slot(used, length);
        used += length;
        count++;
    }

    /**
     * A quarter more than {@code size}, not double: at 10M keys grown by random inserts, doubling left chunks about
     * 30% empty on average (a split leaves each half in arrays sized for the whole) and the index over 48 B per key;
     * chunks stay small (at most a few KB), so the extra copies of a smaller step cost little.
     */
    private static int grown(final int size)
    {
        return size + Math.max(4, size >>> 2);
    }

    private void resizeSlots(final int capacity)
    {
        heads = Arrays.copyOf(heads, capacity);
        slots = Arrays.copyOf(slots, capacity);
    }

    /** Rewrite the live keys in order, into a new array of {@code newCapacity} bytes when positive. */
    private void compact(final int newCapacity)
    {
        final byte[] target = new byte[newCapacity > 0 ? newCapacity : Math.max(INITIAL_BYTES, data.length)];
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            final int length = length(i);
            System.arraycopy(data, offset(i), target, at, length);
            slots[i] = slot(at, length);
            at += length;
        }
        data = target;
        used = at;
        garbage = 0;
    }

    private int offset(final int slot)
    {
        return (int)(slots[slot] >>> 32);
    }

    private int length(final int slot)
    {
        return (int)slots[slot];
    }

    private static long slot(final int offset, final int length)
    {
        return (long)offset << 32 | (length & 0xFFFF_FFFFL);
    }

    /** Receives keys as a range of a byte array it must not keep. */
    @FunctionalInterface
    interface KeyVisitor
    {
        void key(byte[] data, int offset, int length) throws java.io.IOException;
    }
}
