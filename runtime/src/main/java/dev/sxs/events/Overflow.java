package dev.sxs.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * Applies the {@link OverflowPolicy} when a publisher asks its channel for a unit of capacity.
 * <p>
 * Threading: called on publisher threads, any number at once. BLOCK parks the publisher until a worker
 * frees room (workers unpark blocked publishers, see {@link ChannelState}), the dispatcher closes, or
 * the publish timeout passes. Allocation: none.
 */
final class Overflow
{
    private final OverflowPolicy policy;
    private final long timeoutNanos;
    private final Partition[] partitions;
    private final BooleanSupplier closed;

    Overflow(final DispatcherOptions options, final Partition[] partitions, final BooleanSupplier closed)
    {
        this.policy = options.overflow();
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.publishTimeoutMillis());
        this.partitions = partitions;
        this.closed = closed;
    }

    /**
     * Take a unit of the channel's capacity, applying the policy when it is full.
     *
     * @param state the channel.
     * @return 0 when a unit is held (possibly freed by dropping the oldest queued event), else a
     *         negative {@link Publication} code; the matching counter has been incremented.
     */
    long reserve(final ChannelState state)
    {
        if (state.tryReserve())
        {
            return 0;
        }
        switch (policy)
        {
            case ERROR:
                state.rejected.increment();
                return Publication.QUEUE_FULL;
            case DISCARD_NEWEST:
                state.discarded.increment();
                return Publication.DISCARDED;
            case DISCARD_OLDEST:
                return discardOldestOrNewest(state);
            default:
                return awaitRoom(state);
        }
    }

    private long discardOldestOrNewest(final ChannelState state)
    {
        while (true)
        {
            if (discardOldest(state) || state.tryReserve())
            {
                return 0;
            }
            if (!anyQueued(state))
            {
                // every held event is inside a handler or held back behind an awaiting one
                state.discarded.increment();
                return Publication.DISCARDED;
            }
        }
    }

    private long awaitRoom(final ChannelState state)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        final Thread me = Thread.currentThread();
        state.addBlocked(me);
        try
        {
            while (!state.tryReserve())
            {
                if (closed.getAsBoolean())
                {
                    return Publication.CLOSED;
                }
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    state.rejected.increment();
                    return Publication.QUEUE_FULL;
                }
                // a worker that frees room unparks blocked publishers; the timeout bounds a lost wake-up
                LockSupport.parkNanos(this, Math.min(left, Dispatcher.DEFAULT_PARK_NANOS));
            }
            return 0;
        }
        finally
        {
            state.removeBlocked(me);
        }
    }

    /** Drop the oldest queued event of a channel; its unit of capacity passes to the caller. */
    private boolean discardOldest(final ChannelState state)
    {
        if (state.sink != null)
        {
            return false;
        }
        final int c = state.channel.ordinal();
        ManyToManyConcurrentArrayQueue<Object> oldest = null;
        long oldestSequence = Long.MAX_VALUE;
        for (final Partition p : partitions)
        {
            final ManyToManyConcurrentArrayQueue<Object> q = p.queueIfPresent(c);
            final Object head = q == null ? null : q.peek();
            if (head != null)
            {
                final long s = Dispatcher.eventOf(head).sequence();
                if (s < oldestSequence)
                {
                    oldestSequence = s;
                    oldest = q;
                }
            }
        }
        if (oldest != null && oldest.poll() != null)
        {
            state.discarded.increment();
            state.transferred.increment();
            return true;
        }
        return false;
    }

    private boolean anyQueued(final ChannelState state)
    {
        final int c = state.channel.ordinal();
        for (final Partition p : partitions)
        {
            final ManyToManyConcurrentArrayQueue<Object> q = p.queueIfPresent(c);
            if (q != null && !q.isEmpty())
            {
                return true;
            }
        }
        return false;
    }
}
