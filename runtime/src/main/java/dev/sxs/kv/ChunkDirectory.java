package dev.sxs.kv;

import java.util.Arrays;

/**
 * An immutable, sorted directory of {@link KeyChunk}s by lower bound, searched by binary search over
 * flat arrays. A new directory is built (copy on write) when a chunk splits or merges, which happens
 * once per a few hundred inserts or removes.
 * <p>
 * To keep the search cache-friendly it first compares 8-byte "heads": the bytes of each lower bound
 * just after the prefix that all lower bounds (except the empty one of the first chunk) share, as an
 * unsigned big-endian long. Only equal heads fall back to comparing whole keys. A key that does not
 * share that prefix sorts before or after every bound, which one comparison decides.
 * <p>
 * A second, small array samples every {@link #TOP_STRIDE}th head, so a search first narrows to one
 * block of heads in an array that stays in cache, then touches only that block.
 * <p>
 * Threading: immutable, safe to share. Allocation: none on {@link #floor}.
 */
final class ChunkDirectory
{
    /** Heads per block of the top-level sample. */
    static final int TOP_STRIDE = 32;

    private final byte[][] lowers;
    private final KeyChunk[] chunks;
    private final long[] heads;
    private final long[] tops;
    private final int common;

    private ChunkDirectory(final byte[][] lowers, final KeyChunk[] chunks, final long[] heads, final int common)
    {
        this.lowers = lowers;
        this.chunks = chunks;
        this.heads = heads;
        this.common = common;
        final int n = heads.length - 1;
        this.tops = new long[n <= 0 ? 0 : (n + TOP_STRIDE - 1) / TOP_STRIDE];
        for (int j = 0; j < tops.length; j++)
        {
            tops[j] = heads[1 + j * TOP_STRIDE];
        }
    }

    /**
     * @param first the first chunk, lower bound the empty key.
     * @return a directory of that one chunk.
     */
    static ChunkDirectory of(final KeyChunk first)
    {
        return new ChunkDirectory(new byte[][] {first.lower}, new KeyChunk[] {first}, new long[1], 0);
    }

    /**
     * @param sorted chunks in key order, the first with the empty lower bound.
     * @return their directory.
     */
    static ChunkDirectory of(final KeyChunk[] sorted)
    {
        final byte[][] lowers = new byte[sorted.length][];
        for (int i = 0; i < sorted.length; i++)
        {
            lowers[i] = sorted[i].lower;
        }
        return build(lowers, sorted.clone());
    }

    int size()
    {
        return chunks.length;
    }

    KeyChunk chunk(final int index)
    {
        return chunks[index];
    }

    /**
     * @param key a position in key space.
     * @return the index of the chunk with the greatest lower bound at or before {@code key}.
     */
    int floorIndex(final byte[] key)
    {
        final int n = chunks.length;
        if (n == 1)
        {
            return 0;
        }
        final byte[] reference = lowers[1];
        final int mismatch = Arrays.mismatch(key, 0, Math.min(key.length, common), reference, 0, common);
        if (mismatch >= 0 || key.length < common)
        {
            return Arrays.compareUnsigned(key, reference) < 0 ? 0 : n - 1;
        }
        final long head = KeyHeads.head(key, common);
        int low = 1;
        int high = n - 1;
        if (tops.length > 1)
        {
            final int below = lastLess(tops, head);
            final int above = firstGreater(tops, head);
            if (below >= 0)
            {
                low = 1 + below * TOP_STRIDE;
            }
            if (above < tops.length)
            {
                high = above * TOP_STRIDE;
            }
        }
        int found = 0;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            int cmp = Long.compareUnsigned(heads[mid], head);
            if (cmp == 0)
            {
                cmp = Arrays.compareUnsigned(lowers[mid], key);
            }
            if (cmp <= 0)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found;
    }

    /**
     * @param key a position in key space.
     * @return the chunk with the greatest lower bound at or before {@code key}.
     */
    KeyChunk floor(final byte[] key)
    {
        return chunks[floorIndex(key)];
    }

    /**
     * @param chunk a chunk of this directory.
     * @return its index, or -1 when it is not in this directory.
     */
    int indexOf(final KeyChunk chunk)
    {
        final int index = floorIndex(chunk.lower);
        return chunks[index] == chunk ? index : -1;
    }

    /**
     * @param index position of the new chunk.
     * @param chunk the new chunk, whose lower bound sorts between its neighbours'.
     * @return a new directory with the chunk inserted.
     */
    ChunkDirectory withInserted(final int index, final KeyChunk chunk)
    {
        final int n = chunks.length;
        final byte[][] newLowers = new byte[n + 1][];
        final KeyChunk[] newChunks = new KeyChunk[n + 1];
        System.arraycopy(lowers, 0, newLowers, 0, index);
        System.arraycopy(chunks, 0, newChunks, 0, index);
        newLowers[index] = chunk.lower;
        newChunks[index] = chunk;
        System.arraycopy(lowers, index, newLowers, index + 1, n - index);
        System.arraycopy(chunks, index, newChunks, index + 1, n - index);
        final int newCommon = commonPrefix(newLowers);
        if (newCommon != common)
        {
            return new ChunkDirectory(newLowers, newChunks, heads(newLowers, newCommon), newCommon);
        }
        final long[] newHeads = new long[n + 1];
        System.arraycopy(heads, 0, newHeads, 0, index);
        newHeads[index] = index == 0 ? 0 : KeyHeads.head(chunk.lower, newCommon);
        System.arraycopy(heads, index, newHeads, index + 1, n - index);
        return new ChunkDirectory(newLowers, newChunks, newHeads, newCommon);
    }

    /**
     * @param index position of the chunk to drop, not 0.
     * @return a new directory without it.
     */
    ChunkDirectory withRemoved(final int index)
    {
        final int n = chunks.length;
        final byte[][] newLowers = new byte[n - 1][];
        final KeyChunk[] newChunks = new KeyChunk[n - 1];
        System.arraycopy(lowers, 0, newLowers, 0, index);
        System.arraycopy(chunks, 0, newChunks, 0, index);
        System.arraycopy(lowers, index + 1, newLowers, index, n - index - 1);
        System.arraycopy(chunks, index + 1, newChunks, index, n - index - 1);
        final int newCommon = commonPrefix(newLowers);
        if (newCommon != common)
        {
            return new ChunkDirectory(newLowers, newChunks, heads(newLowers, newCommon), newCommon);
        }
        final long[] newHeads = new long[n - 1];
        System.arraycopy(heads, 0, newHeads, 0, index);
        System.arraycopy(heads, index + 1, newHeads, index, n - index - 1);
        return new ChunkDirectory(newLowers, newChunks, newHeads, newCommon);
    }

    /**
     * @return heap bytes of the directory arrays (estimate, headers included).
     */
    long heapBytes()
    {
        long bytes = 64 + 4 * 16L + chunks.length * (4L + 4L + 8L) + 8L * tops.length;
        for (final byte[] lower : lowers)
        {
            bytes += 16 + lower.length;
        }
        return bytes;
    }

    private static ChunkDirectory build(final byte[][] lowers, final KeyChunk[] chunks)
    {
        final int common = commonPrefix(lowers);
        return new ChunkDirectory(lowers, chunks, heads(lowers, common), common);
    }

    /** Length of the prefix shared by every lower bound but the first (they are sorted). */
    private static int commonPrefix(final byte[][] lowers)
    {
        final int n = lowers.length;
        if (n < 2)
        {
            return 0;
        }
        final byte[] first = lowers[1];
        final byte[] last = lowers[n - 1];
        final int mismatch = Arrays.mismatch(first, last);
        return mismatch < 0 ? first.length : mismatch;
    }

    private static long[] heads(final byte[][] lowers, final int common)
    {
        final long[] heads = new long[lowers.length];
        for (int i = 1; i < lowers.length; i++)
        {
            heads[i] = KeyHeads.head(lowers[i], common);
        }
        return heads;
    }

    /** Last index whose value is below {@code head} (unsigned), or -1. */
    private static int lastLess(final long[] values, final long head)
    {
        int low = 0;
        int high = values.length - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(values[mid], head) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low - 1;
    }

    /** First index whose value is above {@code head} (unsigned), or {@code values.length}. */
    private static int firstGreater(final long[] values, final long head)
    {
        int low = 0;
        int high = values.length - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(values[mid], head) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }
}
