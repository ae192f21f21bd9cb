package dev.sxs.kv;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.sxs.concurrent.SxsThreadFactory;

import net.openhft.chronicle.map.ChronicleMap;

/**
 * The {@link KvStore} of record: a Chronicle Map of String keys to canonical value text, off-heap,
 * persisted to {@code <data>/store.dat} when a data folder is configured, beside a
 * {@link ChunkedKeyIndex} that serves ordered prefix iteration.
 * <p>
 * Consistency: a mutation that adds or removes a key records the change in the index's pending log while it
 * still holds the Chronicle segment lock of that key ({@link IndexedWrites}); the {@code sxs-kv-indexer} thread
 * applies the log, and {@link #keys} applies what is still pending before it reads, so a key acknowledged before
 * {@link #keys} started is listed and a removed one is not. Value-only changes ({@link #replace}, {@link #put} of
 * an existing key) do not touch the index.
 * <p>
 * Ownership and recovery: a persisted store holds {@link DataFolderLock} on its folder for its whole
 * life. A clean {@link #close} leaves the marker {@code store.clean}; opening a store file without the
 * marker means the previous owner died: when it died between two changes (no update or write lock of the map
 * held, {@code SegmentLocks}) the file is complete and opens in place; when it died changing some segments, those
 * segments alone are repaired in place ({@code SegmentRepair}); when it held the map's global lock, a copy of the
 * file is recovered by Chronicle Map ({@code recoverPersistedTo}) and renamed over it ({@link #recovery()}). A new
 * file is created completely before it is renamed into place ({@link StoreFile}), so a process killed while
 * creating, repairing or recovering leaves no half-made {@code store.dat}.
 * <p>
 * Reopening: a clean close also writes the ordered index to {@code store.index}, tied to the marker by a
 * stamp, and the next open reads it instead of scanning the map ({@link #indexLoaded()}). Without a trusted
 * index file (after a crash) the {@code sxs-kv-indexer} thread rebuilds the index from a scan of the map while
 * the store already serves point operations; {@link #keys} waits until that rebuild has ended.
 * <p>
 * Threading: every method is thread-safe. Failure: a mutation that does not fit throws
 * {@link KvFullException}; after {@link #close} every method throws {@link IllegalStateException}.
 */
public final class ChronicleKvStore implements KvStore
{
    /** Name of the store file inside the data folder. */
    public static final String STORE_FILE = "store.dat";

    /** Name of the clean shutdown marker inside the data folder. */
    public static final String CLEAN_MARKER = "store.clean";

    private final ChronicleMap<String, String> map;
    private final WriteBehindKeyIndex index;
    private final Path file;
    private final DataFolderLock lock;
    private final KvOptions options;
    private final StoreRecovery recovery;
    /** Where the index of a persisted store comes from; null in memory. */
    private final IndexSource source;
    /** Refuses writes the disk cannot take (persisted stores only: the file is sparse). */
    private final StoreSpace space;
    private volatile boolean closed;

    ChronicleKvStore(
        final ChronicleMap<String, String> map,
        final WriteBehindKeyIndex index,
        final Path file,
        final DataFolderLock lock,
        final KvOptions options,
        final StoreRecovery recovery,
        final IndexSource source)
    {
        this.map = map;
        this.index = index;
        this.file = file;
        this.lock = lock;
        this.options = options;
        this.recovery = recovery;
        this.source = source;
        this.space = lock == null ? null : StoreSpace.of(lock.folder());
    }

    /**
     * Open the store the options describe: in memory when {@link KvOptions#folder()} is null,
     * else persisted to {@code <folder>/store.dat}, recovering it when its previous owner died. Sized by
     * {@link KvOptions#entries()}, {@link KvOptions#averageKeyBytes()}, {@link KvOptions#averageValueBytes()}
     * (an existing file keeps the sizing it was created with). The ordered index is read from the index file of
     * the last clean close, or else rebuilt from the map in the background (see the class comment).
     *
     * @param options where the store lives and what it is sized for.
     * @return the open store; the caller closes it.
     * @throws DataFolderLockedException when another process, or another store in this process, owns
     *                                   the data folder.
     * @throws UncheckedIOException      when the folder or file cannot be created, opened or recovered.
     */
    public static ChronicleKvStore open(final KvOptions options)
    {
        return open(options, SxsThreadFactory.create());
    }

    /**
     * Open the store like {@link #open(KvOptions)}, its key indexer thread made by the runtime's factory.
     *
     * @param options where the store lives and what it is sized for.
     * @param threads makes the {@code sxs-kv-indexer} thread.
     * @return the open store; the caller closes it.
     */
    public static ChronicleKvStore open(final KvOptions options, final SxsThreadFactory threads)
    {
        return StoreOpener.open(options, threads);
    }

    /**
     * @return true when the previous owner had died with the store open, so that this open recovered the file
     *     (or found no change of the map in progress, the file complete as it was).
     */
    public boolean recovered()
    {
        return recovery != StoreRecovery.NONE;
    }

    /**
     * @return how this open found the store file: {@link StoreRecovery#NONE} unless its previous owner died.
     */
    public StoreRecovery recovery()
    {
        return recovery;
    }

    /**
     * Wait until the ordered index is complete, then say where it came from.
     *
     * @return true when the ordered index was read from the index file of the last clean close; false when
     *     it was rebuilt from a scan of the map (after a crash, or without a trusted index file), or the store
     *     is in memory.
     */
    public boolean indexLoaded()
    {
        checkOpen();
        index.awaitBuilt();
        return source != null && source.loaded();
    }

    /**
     * Visit every key of the map, in no order: a full scan, for checks and exports. Weakly consistent: a key
     * present for the whole call is visited once; one added or removed meanwhile may or may not be.
     *
     * @param visitor receives each key; called under a segment lock of the map, so it must not use the store.
     */
    public void forEachKey(final Consumer<String> visitor)
    {
        checkOpen();
        map.forEachEntry(entry -> visitor.accept(entry.key().get()));
    }

    /**
     * @return the ordered key index beside the map (for inspection and benchmarks); its reads first
     *     apply the changes still pending.
     */
    public KeyIndex index()
    {
        return index;
    }

    @Override
    public String get(final String key)
    {
        checkOpen();
        return map.get(key);
    }

    @Override
    public void put(final String key, final String value)
    {
        checkOpen();
        KeyText.require(key);
        reserve(key, value);
        try
        {
            IndexedWrites.put(map, index, key, value);
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            throw failure(key, value, ex);
        }
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        checkOpen();
        KeyText.require(key);
        reserve(key, value);
        try
        {
            return IndexedWrites.putIfAbsent(map, index, key, value);
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            throw failure(key, value, ex);
        }
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        checkOpen();
        KeyText.require(key);
        reserve(key, value);
        try
        {
            return map.replace(key, expected, value);
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            throw failure(key, value, ex);
        }
    }

    @Override
    public boolean remove(final String key)
    {
        checkOpen();
        return IndexedWrites.remove(map, index, key);
    }

    @Override
    public boolean containsKey(final String key)
    {
        checkOpen();
        return map.containsKey(key);
    }

    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        checkOpen();
        if (offset < 0 || limit < 0)
        {
            throw new IllegalArgumentException("keys: offset and limit must not be negative, got " + offset + " and "
                + limit);
        }
        return index.keys(utf8(prefix), offset, limit);
    }

    @Override
    public long size()
    {
        checkOpen();
        return map.longSize();
    }

    @Override
    public long capacity()
    {
        return options.entries();
    }

    @Override
    public long offHeapBytes()
    {
        checkOpen();
        return map.offHeapMemoryUsed();
    }

    @Override
    public long offHeapBytesUsed()
    {
        checkOpen();
        long used = 0;
        for (final ChronicleMap.SegmentStats segment : map.segmentStats())
        {
            used += segment.usedBytes();
        }
        return used;
    }

    @Override
    public Path file()
    {
        return file;
    }

    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        CleanShutdown.close(map, index, lock);
    }

    @Override
    public String toString()
    {
        return "ChronicleKvStore[" + (file == null ? "in memory" : file.toString()) + ", entries=" + options.entries()
            + "]";
    }

    static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void reserve(final String key, final String value)
    {
        if (space != null)
        {
            space.reserve(key, value);
        }
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw closedError();
        }
    }

    private IllegalStateException closedError()
    {
        return new IllegalStateException("store closed: " + this);
    }

    private RuntimeException failure(final String key, final String value, final RuntimeException cause)
    {
        return closed ? closedError() : WriteFailure.describe(key, value, cause, options, map.longSize(), file);
    }
}
