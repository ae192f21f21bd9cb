package dev.sxs.kv;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.sxs.concurrent.SxsThreadFactory;

/**
 * A {@link KeyIndex} that takes the index work off the writer's path: a writer {@link #record}s that a
 * key was added or removed (one offer to a bounded MPSC queue, the pending log) and the daemon thread
 * {@value #THREAD_NAME} (made by an {@link SxsThreadFactory}) applies the log to the underlying index in FIFO order.
 * <p>
 * Ordering: the store records a change while it still holds the map's lock for that key, so the
 * changes of one key enter the log in the order they happened to the map; the log is applied in that
 * order by one thread at a time (under the apply lock), so for every key the index ends where the map
 * is. Changes of different keys need no order.
 * <p>
 * Reads: {@link #keys}, {@link #contains} and {@link #size} first apply, under the apply lock,
 * everything recorded before they were called (they wait for a change whose slot was claimed but not
 * yet written), then read the index. So a change recorded before the read started is seen, and the
 * guarantees of the underlying index (ascending, no duplicates, every key present for the whole call)
 * carry over. A read after a burst of writes pays for applying what the indexer had not applied yet.
 * <p>
 * Backpressure: the log holds at most {@link #DEFAULT_CAPACITY} changes. A writer that finds it full
 * applies up to {@link #DEFAULT_BATCH} of the oldest pending changes itself (under the apply lock, before
 * its own, so the order is kept) and retries: heap stays bounded and writers faster than the indexer
 * pay for the index work inline, a batch at a time.
 * <p>
 * Indexer ({@link KeyIndexer}): it applies {@link #DEFAULT_BATCH} changes per hold of the apply lock until the
 * log is empty, then waits until the log holds a quarter of its capacity or {@link #DEFAULT_INTERVAL_NANOS}
 * passed, whichever is first; after {@link #DEFAULT_IDLE_INTERVALS} intervals without a change it sleeps until the
 * next one (one {@code unpark} by the first writer that finds it asleep). It never spins ({@link IndexerPacing}).
 * <p>
 * Pairs: an add directly followed in the log by the remove of the same key is dropped with it once the index
 * is complete ({@link ChangeApplier}): a key inserted and removed again costs the indexer next to nothing.
 * <p>
 * Initial build: an index may start from an {@link IndexBuild} (a store reopened after a crash scans its
 * map) that the indexer thread runs before anything else; changes recorded meanwhile are kept in order
 * ({@link InitialBuild}) and applied to the built index, writers are never held up, and reads wait for it.
 * <p>
 * Threading: {@link #record} from any number of threads, callers serialising the changes of one key;
 * every other method from any thread. Allocation: one small change object per {@link #record} (the key's
 * UTF-8 bytes are made when the change is applied, and never for an add dropped with its remove).
 * Failure: after {@link #close} the indexer is gone; reads still apply what is pending themselves.
 */
public final class WriteBehindKeyIndex implements KeyIndex, AutoCloseable
{
    /** Name of the indexer thread. */
    public static final String THREAD_NAME = "sxs-kv-indexer";

    /** Changes the pending log holds before writers apply them inline. */
    public static final int DEFAULT_CAPACITY = 16 * 1024;

    /**
     * Changes applied per hold of the apply lock: by the indexer, which then takes the lock again while
     * the log is not empty, and by a writer that found the log full before it retries its offer.
     */
    public static final int DEFAULT_BATCH = 64;

    /** Longest wait of the indexer between two drains while changes arrive slower than a quarter log. */
    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Intervals without a change (about 100 ms with the defaults) after which the indexer sleeps until woken. */
    public static final int DEFAULT_IDLE_INTERVALS = 10;

    private volatile ChunkedKeyIndex index;
    private final InitialBuild initial;
    private final PendingLog pending;
    private final IndexerPacing pacing;
    private final KeyIndexer indexer;

    /**
     * Wrap an index and start the indexer thread.
     *
     * @param index the index the log is applied to; from now on changed only through this object.
     */
    public WriteBehindKeyIndex(final ChunkedKeyIndex index)
    {
        this(index, DEFAULT_CAPACITY);
    }

    /**
     * Wrap an index and start the indexer thread.
     *
     * @param index    the index the log is applied to; from now on changed only through this object.
     * @param capacity changes the pending log holds (rounded up to a power of two).
     */
    public WriteBehindKeyIndex(final ChunkedKeyIndex index, final int capacity)
    {
        this(index, capacity, SxsThreadFactory.create());
    }

    /**
     * Wrap an index and start the indexer thread on a thread of {@code threadFactory}.
     *
     * @param index         the index the log is applied to; from now on changed only through this object.
     * @param capacity      changes the pending log holds (rounded up to a power of two).
     * @param threadFactory makes the indexer thread (daemon, sxs's context class loader).
     */
    public WriteBehindKeyIndex(final ChunkedKeyIndex index, final int capacity, final SxsThreadFactory threadFactory)
    {
        this(index, null, capacity, threadFactory);
    }

    /**
     * Start empty and let the indexer thread build the index first: changes recorded meanwhile wait in
     * order (the pending log, then an unbounded list, so writers are never held up) and are applied to the
     * built index before anything else; reads ({@link #keys}, {@link #contains}, {@link #size}) wait for it.
     * The build must see every key present before this call and may or may not see later changes (they
     * are applied after it, and applying a change twice is harmless).
     *
     * @param build         builds the index (for a store: from a scan of its map).
     * @param capacity      changes the pending log holds (rounded up to a power of two).
     * @param threadFactory makes the indexer thread (daemon, sxs's context class loader).
     */
    public WriteBehindKeyIndex(final IndexBuild build, final int capacity, final SxsThreadFactory threadFactory)
    {
        this(new ChunkedKeyIndex(), build, capacity, threadFactory);
    }

    private WriteBehindKeyIndex(final ChunkedKeyIndex index, final IndexBuild build, final int capacity,
        final SxsThreadFactory threadFactory)
    {
        this.index = index;
        this.initial = new InitialBuild(build);
        this.pending = new PendingLog(capacity, DEFAULT_BATCH, new ChangeApplier(this::apply));
        this.pacing = new IndexerPacing(pending, pending.capacity() / 4, DEFAULT_INTERVAL_NANOS,
            DEFAULT_IDLE_INTERVALS);
        this.indexer = new KeyIndexer(pending, pacing, this::buildFirst, threadFactory);
        indexer.start();
    }

    /**
     * @return true when the index holds every key of the store: it was given complete, or its build
     *     finished (false while the build runs, after it failed, or when the store closed before it ended).
     */
    public boolean complete()
    {
        return initial.complete();
    }

    /**
     * Wait until the initial build (if any) has ended and the changes recorded meanwhile are applied.
     *
     * @throws IllegalStateException when the build failed, or the waiting thread was interrupted (its
     *                               interrupt is kept).
     */
    public void awaitBuilt()
    {
        initial.await();
    }

    /**
     * Record that a key was added to ({@code added}) or removed from the store; the index follows later,
     * in the order of the records. Call while holding the store's lock for the key.
     *
     * @param key   the key; encoded to UTF-8 when the change is applied (a well-formed UTF-16 string).
     * @param added true for an added key, false for a removed one.
     */
    public void record(final String key, final boolean added)
    {
        pending.offer(new KeyChange(key, added, initial.complete()));
        pacing.recorded();
    }

    /**
     * Apply, on the calling thread, every change recorded before this call. Returns when the index
     * reflects all of them (during the initial build: when they wait for it in order).
     */
    public void applyPending()
    {
        pending.applyAll();
    }

    /**
     * @return changes recorded and not applied yet (a snapshot).
     */
    public int pendingCount()
    {
        return pending.size();
    }

    /**
     * @return changes applied so far by the indexer thread.
     */
    public long appliedByIndexer()
    {
        return pending.appliedByIndexer();
    }

    /**
     * @return changes applied so far by callers: writers that found the log full, and reads.
     */
    public long appliedByCallers()
    {
        return pending.appliedByCallers();
    }

    /**
     * Apply the key now, after everything recorded before it (for callers that need the outcome).
     *
     * @param key the key's UTF-8 bytes.
     * @return true when added, false when it was already present.
     */
    @Override
    public boolean add(final byte[] key)
    {
        return applyNow(key, true);
    }

    /**
     * Remove the key now, after everything recorded before it (for callers that need the outcome).
     *
     * @param key the key's UTF-8 bytes.
     * @return true when removed, false when it was absent.
     */
    @Override
    public boolean remove(final byte[] key)
    {
        return applyNow(key, false);
    }

    @Override
    public boolean contains(final byte[] key)
    {
        initial.await();
        applyPending();
        return index.contains(key);
    }

    @Override
    public List<String> keys(final byte[] prefix, final long offset, final int limit)
    {
        initial.await();
        applyPending();
        return index.keys(prefix, offset, limit);
    }

    @Override
    public long size()
    {
        initial.await();
        applyPending();
        return index.size();
    }

    /**
     * @return the underlying index, which may lag behind the recorded changes.
     */
    public ChunkedKeyIndex index()
    {
        return index;
    }

    /** @return pending changes at which a writer wakes an indexer waiting out its interval (for tests). */
    int wakeThreshold()
    {
        return pacing.wakeAt();
    }

    /** @return times the indexer thread returned from a park (for tests). */
    long indexerWakeups()
    {
        return pacing.wakeups();
    }

    /**
     * @return the indexer thread (for tests).
     */
    Thread indexerThread()
    {
        return indexer.thread();
    }

    /**
     * Stop the indexer after it applied the log, join it, and apply whatever was recorded meanwhile.
     * Idempotent; waits for the indexer even when interrupted (the interrupt is kept).
     */
    @Override
    public void close()
    {
        indexer.close();
    }

    /** Run on the indexer thread before anything else: the initial build, if any. */
    private void buildFirst(final BooleanSupplier closing)
    {
        if (!initial.pending())
        {
            return;
        }
        final ChunkedKeyIndex built = initial.run(closing);
        pending.lock();
        try
        {
            if (built != null)
            {
                index = built;
            }
            pending.count(initial.finish(built, this::apply), false);
        }
        finally
        {
            pending.unlock();
        }
    }

    private boolean applyNow(final byte[] key, final boolean added)
    {
        initial.await();
        pending.lock();
        try
        {
            pending.applyAll();
            return added ? index.add(key) : index.remove(key);
        }
        finally
        {
            pending.unlock();
        }
    }

    private void apply(final KeyChange change)
    {
        if (initial.defer(change))
        {
            return;
        }
        final byte[] key = ChronicleKvStore.utf8(change.key());
        if (change.added())
        {
            index.add(key);
        }
        else
        {
            index.remove(key);
        }
    }
}
