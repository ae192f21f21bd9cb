package dev.sxs.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Packs keys that arrive in ascending order into {@link KeyChunk}s filled to three quarters, the form an
 * index has when it is built at open (from a scan of the map or from the index file of a clean close), so
 * that inserts after open split chunks rarely.
 * <p>
 * Threading: one thread; the chunks are not published until {@link #index()}. Allocation: one lower bound
 * per chunk (a copy of its first key) and the chunks' arrays; the caller's key bytes are copied, not kept.
 */
final class ChunkFiller
{
    private static final byte[] START = new byte[0];

    private final List<KeyChunk> chunks = new ArrayList<>();
    private final int maxKeys;
    private final int maxBytes;
    private final int fillKeys;
    private final int fillBytes;
    private KeyChunk current;
    private long size;

    /**
     * @param maxKeys  keys per chunk that trigger a split in the index built.
     * @param maxBytes key bytes per chunk that trigger a split in the index built.
     */
    ChunkFiller(final int maxKeys, final int maxBytes)
    {
        this.maxKeys = maxKeys;
        this.maxBytes = maxBytes;
        this.fillKeys = maxKeys * 3 / 4;
        this.fillBytes = maxBytes * 3 / 4;
        current = new KeyChunk(START, null);
        chunks.add(current);
    }

    /**
     * Append a key that sorts after every key appended before (not checked).
     *
     * @param source bytes holding the key.
     * @param offset where it starts.
     * @param length its length.
     */
    void append(final byte[] source, final int offset, final int length)
    {
        if (current.count() >= fillKeys || current.liveBytes() + length > fillBytes && current.count() > 0)
        {
            final byte[] lower = Arrays.copyOfRange(source, offset, offset + length);
            final KeyChunk next = new KeyChunk(lower, null);
            current.upper(lower);
            chunks.add(next);
            current = next;
        }
        current.append(source, offset, length);
        size++;
    }

    /**
     * @return keys appended so far.
     */
    long size()
    {
        return size;
    }

    /**
     * @return an index holding every key appended; this filler must not be used afterwards.
     */
    ChunkedKeyIndex index()
    {
        return new ChunkedKeyIndex(maxKeys, maxBytes, chunks.toArray(new KeyChunk[0]), size);
    }
}
