package dev.sxs.kv;

import java.util.concurrent.locks.ReentrantLock;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The pending log of a {@link WriteBehindKeyIndex}: a bounded multi-producer queue of {@link KeyChange}s and
 * the apply lock under which they are drained, in FIFO order, by one thread at a time.
 * <p>
 * Backpressure: {@link #offer} into a full log first applies a batch of the oldest changes on the caller's
 * thread (under the apply lock, before the caller's own change, so the order is kept) and retries.
 * <p>
 * Threading: {@link #offer} from any number of threads; the rest from any thread. Allocation: none.
 */
final class PendingLog
{
    private static final int SPINS_BEFORE_YIELD = 100;

    private final ManyToOneConcurrentArrayQueue<KeyChange> queue;
    private final ReentrantLock applyLock = new ReentrantLock();
    private final ChangeApplier applier;
    private final int batch;
    private volatile long appliedByIndexer;
    private volatile long appliedByCallers;

    /**
     * @param capacity changes the log holds (rounded up to a power of two).
     * @param batch    changes applied per hold of the lock by {@link #applyBatch} and by a writer that found
     *                 the log full.
     * @param applier  applies the changes, in order; called under the apply lock and flushed at the end of every
     *                 drain, so every drained change has reached the index when the lock is released.
     */
    PendingLog(final int capacity, final int batch, final ChangeApplier applier)
    {
        this.queue = new ManyToOneConcurrentArrayQueue<>(capacity);
        this.batch = batch;
        this.applier = applier;
    }

    /**
     * Append a change, applying a batch of older ones first while the log is full.
     *
     * @param change the change.
     */
    void offer(final KeyChange change)
    {
        while (!queue.offer(change))
        {
            if (applyBatch(true) == 0)
            {
                Thread.onSpinWait(); // the oldest slot is claimed by a writer that has not written it yet
            }
        }
    }

    /**
     * Apply every change offered before this call, waiting for a slot that was claimed but not yet written.
     */
    void applyAll()
    {
        applyLock.lock();
        try
        {
            final long target = queue.addedCount();
            int spins = 0;
            while (queue.removedCount() < target)
            {
                final int applied = queue.drain(applier, (int)Math.min(Integer.MAX_VALUE,
                    target - queue.removedCount()));
                applier.flush();
                appliedByCallers += applied;
                if (applied == 0)
                {
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
     * @param byCaller true for a writer or reader, false for the indexer thread (for the counters).
     * @return changes applied: at most one batch of the oldest.
     */
    int applyBatch(final boolean byCaller)
    {
        applyLock.lock();
        try
        {
            final int applied = queue.drain(applier, batch);
            applier.flush();
            count(applied, byCaller);
            return applied;
        }
        finally
        {
            applyLock.unlock();
        }
    }

    /** Take the apply lock (reentrant): nothing is applied by another thread until {@link #unlock}. */
    void lock()
    {
        applyLock.lock();
    }

    /** Release the apply lock. */
    void unlock()
    {
        applyLock.unlock();
    }

    /**
     * @param applied  changes applied outside {@link #applyBatch} and {@link #applyAll}.
     * @param byCaller who applied them.
     */
    void count(final int applied, final boolean byCaller)
    {
        if (byCaller)
        {
            appliedByCallers += applied;
        }
        else
        {
            appliedByIndexer += applied;
        }
    }

    /** @return changes the log holds (its capacity, a power of two). */
    int capacity()
    {
        return queue.capacity();
    }

    boolean isEmpty()
    {
        return queue.isEmpty();
    }

    int size()
    {
        return queue.size();
    }

    long appliedByIndexer()
    {
        return appliedByIndexer;
    }

    long appliedByCallers()
    {
        return appliedByCallers;
    }
}
