package dev.sxs.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link KeyIndex} made of {@link KeyChunk}s: sorted runs of a few hundred keys packed in one byte
 * array each, found by binary search in a {@link ChunkDirectory}: flat arrays of the chunks' lower
 * bounds, replaced copy-on-write when a chunk splits or merges. At a million keys that is a few
 * thousand directory entries instead of a million skip-list nodes, a lookup touches a handful of cache
 * lines, and the index costs about 30-40 heap bytes per key instead of about 100 for a skip list of
 * strings.
 * <p>
 * Chunks split when they reach {@link #DEFAULT_MAX_KEYS} keys or {@link #DEFAULT_MAX_BYTES} bytes and
 * merge into their left neighbour when they fall under a quarter of that. The first chunk, lower bound
 * the empty key, is never removed, so every key has an owning chunk.
 * <p>
 * Threading: each chunk is guarded by its own monitor; a merge locks the left chunk, then the right
 * one, and nothing else holds two chunk locks; directory swaps happen under a directory lock taken
 * inside chunk locks only, so there is no lock cycle. A thread that found a chunk
 * re-checks after locking that the chunk still owns its key and retries otherwise. Iteration holds one
 * chunk lock at a time and resumes from the end of the range it has covered, so it never returns a
 * key twice nor misses a key present for the whole call. Allocation: {@link #add} and {@link #remove}
 * allocate only when a chunk grows, splits or merges.
 */
public final class ChunkedKeyIndex implements KeyIndex
{
    /** Keys per chunk that trigger a split. */
    public static final int DEFAULT_MAX_KEYS = 256;

    /** Key bytes per chunk that trigger a split. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024;

    private static final byte[] START = new byte[0];

    private final Object directoryLock = new Object();
    private volatile ChunkDirectory directory;
    private final AtomicLong size = new AtomicLong();
    private final int maxKeys;
    private final int maxBytes;

    /**
     * An empty index with the default chunk sizes.
     */
    public ChunkedKeyIndex()
    {
        this(DEFAULT_MAX_KEYS, DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxKeys  keys per chunk that trigger a split, at least 4.
     * @param maxBytes key bytes per chunk that trigger a split.
     */
    public ChunkedKeyIndex(final int maxKeys, final int maxBytes)
    {
        if (maxKeys < 4 || maxBytes < 1)
        {
            throw new IllegalArgumentException("maxKeys must be at least 4 and maxBytes positive");
        }
        this.maxKeys = maxKeys;
        this.maxBytes = maxBytes;
        directory = ChunkDirectory.of(new KeyChunk(START, null));
    }

    /**
     * The index of chunks packed by a {@link ChunkFiller}: not yet published, so no lock is needed.
     */
    ChunkedKeyIndex(final int maxKeys, final int maxBytes, final KeyChunk[] sorted, final long keys)
    {
        this.maxKeys = maxKeys;
        this.maxBytes = maxBytes;
        directory = ChunkDirectory.of(sorted);
        size.set(keys);
    }

    /**
     * Build an index from keys in any order, filling chunks to three quarters. Not thread-safe with
     * respect to concurrent use of the index being built (there is none: it is not published yet).
     *
     * @param keys keys as UTF-8 bytes, duplicates allowed (kept once); the array is sorted in place.
     * @return the index.
     */
    public static ChunkedKeyIndex build(final byte[][] keys)
    {
        Arrays.sort(keys, Arrays::compareUnsigned);
        final ChunkFiller filler = new ChunkFiller(DEFAULT_MAX_KEYS, DEFAULT_MAX_BYTES);
        byte[] previous = null;
        for (final byte[] key : keys)
        {
            if (previous == null || !Arrays.equals(previous, key))
            {
                filler.append(key, 0, key.length);
            }
            previous = key;
        }
        return filler.index();
    }

    /**
     * Hand every key to {@code visitor} in ascending order, one chunk lock held at a time (for writing the
     * index out when nothing changes it any more: a concurrent change may or may not be seen).
     *
     * @param visitor receives each key's bytes, which it must not keep.
     * @throws java.io.IOException when the visitor fails.
     */
    void forEachKey(final KeyChunk.KeyVisitor visitor) throws java.io.IOException
    {
        final ChunkDirectory current = directory;
        for (int i = 0; i < current.size(); i++)
        {
            final KeyChunk chunk = current.chunk(i);
            synchronized (chunk)
            {
                chunk.forEachKey(visitor);
            }
        }
    }

    @Override
    public boolean add(final byte[] key)
    {
        while (true)
        {
            final KeyChunk chunk = directory.floor(key);
            synchronized (chunk)
            {
                if (!chunk.covers(key))
                {
                    continue;
                }
                if (!chunk.insert(key))
                {
                    return false;
                }
                size.incrementAndGet();
                if (chunk.count() >= maxKeys || chunk.liveBytes() >= maxBytes && chunk.count() > 1)
                {
                    final KeyChunk right = chunk.splitUpper();
                    synchronized (directoryLock)
                    {
                        final ChunkDirectory current = directory;
                        directory = current.withInserted(current.indexOf(chunk) + 1, right);
                    }
                }
                return true;
            }
        }
    }

    @Override
    public boolean remove(final byte[] key)
    {
        while (true)
        {
            final KeyChunk chunk = directory.floor(key);
            final boolean underflow;
            synchronized (chunk)
            {
                if (!chunk.covers(key))
                {
                    continue;
                }
                if (!chunk.delete(key))
                {
                    return false;
                }
                size.decrementAndGet();
                underflow = chunk.lower.length > 0 && chunk.count() < maxKeys / 4;
            }
            if (underflow)
            {
                tryMerge(chunk);
            }
            return true;
        }
    }

    @Override
    public boolean contains(final byte[] key)
    {
        while (true)
        {
            final KeyChunk chunk = directory.floor(key);
            synchronized (chunk)
            {
                if (chunk.covers(key))
                {
                    return chunk.search(key) >= 0;
                }
            }
        }
    }

    @Override
    public List<String> keys(final byte[] prefix, final long offset, final int limit)
    {
        final List<String> out = new ArrayList<>(Math.min(limit, 128));
        if (limit <= 0)
        {
            return out;
        }
        long toSkip = offset;
        byte[] position = prefix;
        while (true)
        {
            final KeyChunk chunk = directory.floor(position);
            final byte[] end;
            synchronized (chunk)
            {
                if (!chunk.covers(position))
                {
                    continue;
                }
                final int count = chunk.count();
                int slot = chunk.ceilingSlot(position);
                if (toSkip > 0 && count > 0 && slot < count && chunk.startsWith(count - 1, prefix))
                {
                    final int skipped = (int)Math.min(toSkip, count - slot);
                    slot += skipped;
                    toSkip -= skipped;
                }
                for (; slot < count; slot++)
                {
                    if (!chunk.startsWith(slot, prefix))
                    {
                        return out;
                    }
                    if (toSkip > 0)
                    {
                        toSkip--;
                        continue;
                    }
                    out.add(chunk.keyString(slot));
                    if (out.size() == limit)
                    {
                        return out;
                    }
                }
                end = chunk.upper();
            }
            if (end == null || !mayHoldPrefix(end, prefix))
            {
                return out;
            }
            position = end;
        }
    }

    @Override
    public long size()
    {
        return size.get();
    }

    /**
     * @return the number of chunks.
     */
    public int chunkCount()
    {
        return directory.size();
    }

    /**
     * An estimate of the heap held by the index: chunk arrays plus map nodes. Takes each chunk lock.
     *
     * @return bytes.
     */
    public long heapBytesEstimate()
    {
        final ChunkDirectory current = directory;
        long bytes = 64 + current.heapBytes();
        for (int i = 0; i < current.size(); i++)
        {
            final KeyChunk chunk = current.chunk(i);
            synchronized (chunk)
            {
                bytes += chunk.heapBytes();
            }
        }
        return bytes;
    }

    private void tryMerge(final KeyChunk chunk)
    {
        final ChunkDirectory snapshot = directory;
        final int index = snapshot.indexOf(chunk);
        if (index <= 0)
        {
            return;
        }
        final KeyChunk left = snapshot.chunk(index - 1);
        synchronized (left)
        {
            synchronized (chunk)
            {
                if (left.dead || chunk.dead || left.upper() == null || !Arrays.equals(left.upper(), chunk.lower))
                {
                    return;
                }
                final boolean fits = left.count() + chunk.count() <= maxKeys * 3 / 4
                    && left.liveBytes() + chunk.liveBytes() <= maxBytes * 3 / 4;
                if (chunk.count() == 0 || fits)
                {
                    left.absorb(chunk);
                    chunk.dead = true;
                    synchronized (directoryLock)
                    {
                        final ChunkDirectory current = directory;
                        directory = current.withRemoved(current.indexOf(chunk));
                    }
                }
            }
        }
    }

    /** True when keys at or after {@code position} can still start with {@code prefix}. */
    private static boolean mayHoldPrefix(final byte[] position, final byte[] prefix)
    {
        if (Arrays.compareUnsigned(position, prefix) <= 0)
        {
            return true;
        }
        return position.length >= prefix.length && Arrays.equals(position, 0, prefix.length, prefix, 0, prefix.length);
    }
}
