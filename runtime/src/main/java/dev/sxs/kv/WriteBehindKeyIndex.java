package dev.sxs.kv;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import dev.sxs.concurrent.SxsThreadFactory;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

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
 * Indexer: it applies {@link #DEFAULT_BATCH} changes per hold of the apply lock (so a reader or a
 * writer that needs the lock waits for one batch at most) until the log is empty, then parks
 * {@link #DEFAULT_BATCH_PARK_NANOS} to let the next batch gather; while the log stays empty it parks
 * longer and longer (up to {@link #DEFAULT_MAX_PARK_NANOS}), and after {@link #DEFAULT_IDLE_ROUNDS}
 * empty rounds it sleeps until a writer wakes it (one {@code unpark} by the first writer that finds it
 * asleep). It never spins.
 * <p>
 * Threading: {@link #record} from any number of threads, callers serialising the changes of one key;
 * every other method from any thread. Allocation: one small change object per {@link #record}.
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

    /** Park of the indexer after it emptied the log, and its first park when the log is empty. */
    public static final long DEFAULT_BATCH_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    /** Longest timed park of an idle indexer. */
    public static final long DEFAULT_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Empty rounds (about 140 ms with the defaults) after which the indexer sleeps until woken. */
    public static final int DEFAULT_IDLE_ROUNDS = 20;

    private static final int SPINS_BEFORE_YIELD = 100;

    private final ChunkedKeyIndex index;
    private final ManyToOneConcurrentArrayQueue<Change> pending;
    private final ReentrantLock applyLock = new ReentrantLock();
    private final Consumer<Change> applier = this::apply;
    private final Thread indexer;
    private volatile boolean sleeping;
    private volatile long appliedByIndexer;
    private volatile long appliedByCallers;
    private volatile boolean closing;

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
        this.index = index;
        this.pending = new ManyToOneConcurrentArrayQueue<>(capacity);
        this.indexer = threadFactory.newThread(this::run, THREAD_NAME);
        indexer.start();
    }

    /**
     * Record that a key was added to ({@code added}) or removed from the store; the index follows later,
     * in the order of the records. Call while holding the store's lock for the key.
     *
     * @param key   the key's UTF-8 bytes; owned by this object from now on (do not change it).
     * @param added true for an added key, false for a removed one.
     */
    public void record(final byte[] key, final boolean added)
    {
        final Change change = new Change(key, added);
        while (!pending.offer(change))
        {
            if (applyBatch(true) == 0)
            {
                Thread.onSpinWait(); // the oldest slot is claimed by a writer that has not written it yet
            }
        }
        if (sleeping)
        {
            wake();
        }
    }

    /**
     * Apply, on the calling thread, every change recorded before this call. Returns when the index
     * reflects all of them.
     */
    public void applyPending()
    {
        applyLock.lock();
        try
        {
            final long target = pending.addedCount();
            int spins = 0;
            while (pending.removedCount() < target)
            {
                final int applied = pending.drain(applier,
                    (int)Math.min(Integer.MAX_VALUE, target - pending.removedCount()));
                appliedByCallers += applied;
                if (applied == 0)
                {
                    // a writer claimed the next slot and has not written it yet
                    if (++spins < SPINS_BEFORE_YIELD)
                    {
                        Thread.onSpinWait();
                    }
                    else
                    {
                        Thread.yield();
                    }
                }
            }
        }
        finally
        {
            applyLock.unlock();
        }
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
        return appliedByIndexer;
    }

    /**
     * @return changes applied so far by callers: writers that found the log full, and reads.
     */
    public long appliedByCallers()
    {
        return appliedByCallers;
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
        applyLock.lock();
        try
        {
            applyPending();
            return index.add(key);
        }
        finally
        {
            applyLock.unlock();
        }
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
        applyLock.lock();
        try
        {
            applyPending();
            return index.remove(key);
        }
        finally
        {
            applyLock.unlock();
        }
    }

    @Override
    public boolean contains(final byte[] key)
    {
        applyPending();
        return index.contains(key);
    }

    @Override
    public List<String> keys(final byte[] prefix, final long offset, final int limit)
    {
        applyPending();
        return index.keys(prefix, offset, limit);
    }

    @Override
    public long size()
    {
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

    /**
     * @return the indexer thread (for tests).
     */
    Thread indexerThread()
    {
        return indexer;
    }

    /**
     * Stop the indexer after it applied the log, join it, and apply whatever was recorded meanwhile.
     * Idempotent; waits for the indexer even when interrupted (the interrupt is kept).
     */
    @Override
    public void close()
    {
        closing = true;
        LockSupport.unpark(indexer);
        boolean interrupted = false;
        while (indexer.isAlive())
        {
            try
            {
                indexer.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        applyPending();
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void wake()
    {
        if (sleeping)
        {
            sleeping = false;
            LockSupport.unpark(indexer);
        }
    }

    private void run()
    {
        int idleRounds = 0;
        while (!closing)
        {
            final int applied = applyBatch(false);
            if (applied == DEFAULT_BATCH)
            {
                idleRounds = 0;
            }
            else if (applied > 0)
            {
                idleRounds = 0;
                LockSupport.parkNanos(this, DEFAULT_BATCH_PARK_NANOS);
            }
            else if (idleRounds < DEFAULT_IDLE_ROUNDS)
            {
                LockSupport.parkNanos(this, Math.min(DEFAULT_BATCH_PARK_NANOS << idleRounds, DEFAULT_MAX_PARK_NANOS));
                idleRounds++;
            }
            else
            {
                sleeping = true;
                if (pending.isEmpty() && !closing)
                {
                    LockSupport.park(this);
                }
                sleeping = false;
                idleRounds = 0;
            }
        }
        applyPending();
    }

    private int applyBatch(final boolean byCaller)
    {
        applyLock.lock();
        try
        {
            final int applied = pending.drain(applier, DEFAULT_BATCH);
            if (byCaller)
            {
                appliedByCallers += applied;
            }
            else
            {
                appliedByIndexer += applied;
            }
            return applied;
        }
        finally
        {
            applyLock.unlock();
        }
    }

    private void apply(final Change change)
    {
        if (change.added)
        {
            index.add(change.key);
        }
        else
        {
            index.remove(change.key);
        }
    }

    /** One recorded change of the key set. */
    private record Change(byte[] key, boolean added)
    {
    }
}
