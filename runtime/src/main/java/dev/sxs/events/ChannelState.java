package dev.sxs.events;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters, capacity reservation and handler table of one channel. Internal to the dispatcher.
 * <p>
 * Capacity accounting (after Agrona's cached-limit queues): publishers count units taken in
 * {@code reserved} (alone on its cache line); each partition counts units given back in its own padded slot of
 * {@code releasedBy} (sinks, discards and failures in {@code releasedExtra}); depth is the difference.
 * A publisher compares against a cached limit and sums the released counters only when it reaches
 * it, so the hot path shares no contended counter between publisher and worker.
 * <p>
 * Threading: counters are atomic; the handler table is copy-on-write per topic (a {@link ScopedHandlers}:
 * the topic's handlers grouped by scope), written under the dispatcher's subscribe lock and read lock-free
 * by workers.
 */
final class ChannelState
{
    /** Longs between two partitions' release counters: keeps them on different cache lines. */
    private static final int STRIDE = 16;
    /** Where the reservation counter sits in {@link #reserved}: a cache line's worth of padding on each side. */
    private static final int RESERVED = STRIDE;

    final Channel channel;
    private final int capacity;
    private final int partitions;
    /**
     * Units taken, at {@link #RESERVED}: padded, because every publish CASes it and the objects allocated next to
     * it (the counters the worker adds to per event) would otherwise share its cache line.
     */
    private final AtomicLongArray reserved = new AtomicLongArray(2 * STRIDE);
    private final AtomicLong releasedExtra = new AtomicLong();
    private final AtomicLongArray releasedBy;
    private volatile long limit;
    private final AtomicInteger blockedCount = new AtomicInteger();
    private final Queue<Thread> blocked = new ConcurrentLinkedQueue<>();
    /** Events accepted without taking a new unit: DISCARD_OLDEST passed them the dropped event's unit. */
    final LongAdder transferred = new LongAdder();
    /** Units taken by publications that then failed (journal refused): not published. */
    final LongAdder unpublished = new LongAdder();
    /** Publications dropped on a full channel without taking a unit (DISCARD_NEWEST): published, then discarded. */
    final LongAdder droppedNewest = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder discarded = new LongAdder();
    final LongAdder handlerErrors = new LongAdder();
    final LongAdder suppressed = new LongAdder();
    final LongAdder rejected = new LongAdder();
    /** Publications refused for their causal depth. */
    final LongAdder tooDeep = new LongAdder();
    /** The sink bound to the whole channel in place of the workers, or null. */
    volatile ChannelBinding<?> binding;
    private volatile AtomicReferenceArray<ScopedHandlers> table;
    int subscriptions;

    ChannelState(final Channel channel, final int capacity, final int partitions)
    {
        this.channel = channel;
        this.capacity = capacity;
        this.partitions = partitions;
        this.releasedBy = new AtomicLongArray((partitions + 1) * STRIDE);
        this.limit = capacity;
    }

    /**
     * Take one unit of capacity if there is room.
     *
     * @return true when reserved.
     */
    boolean tryReserve()
    {
        while (true)
        {
            final long r = reserved.get(RESERVED);
            if (r >= limit)
            {
                final long fresh = released() + capacity;
                limit = fresh;
                if (r >= fresh)
                {
                    return false;
                }
            }
            if (reserved.compareAndSet(RESERVED, r, r + 1))
            {
                return true;
            }
        }
    }

    /**
     * A racy look at the room, reserving nothing: true when a publish now would find every unit of capacity
     * taken. It reads the cached limit first and sums the release counters only when the limit is reached,
     * as {@link #tryReserve} does, so a channel with room costs two volatile reads.
     *
     * @return true when the channel looks full.
     */
    boolean looksFull()
    {
        final long r = reserved.get(RESERVED);
        return r >= limit && r >= released() + capacity;
    }

    /** A worker of partition {@code index} finished one event. */
    void release(final int index)
    {
        releasedBy.getAndIncrement((index + 1) * STRIDE);
        wakeBlockedBelowHalf();
    }

    /** A unit given back outside the workers (sink completion, discard, failed hand-off). */
    void releaseExtra()
    {
        releasedExtra.getAndIncrement();
        wakeBlockedBelowHalf();
    }

    /** A publisher waits for room (BLOCK); it re-checks after registering, so no wake-up is lost. */
    void addBlocked(final Thread thread)
    {
        blocked.add(thread);
        blockedCount.incrementAndGet();
    }

    void removeBlocked(final Thread thread)
    {
        blockedCount.decrementAndGet();
        blocked.remove(thread);
    }

    /**
     * Wake blocked publishers once the channel is at most half full (hysteresis: waking them for every
     * freed unit makes publisher and worker hand the core back and forth per event).
     */
    private void wakeBlockedBelowHalf()
    {
        if (blockedCount.get() > 0 && depth() <= capacity / 2)
        {
            wakeBlocked();
        }
    }

    /** Wake every blocked publisher (a worker ran dry, or the dispatcher closes). */
    void wakeBlocked()
    {
        if (blockedCount.get() > 0)
        {
            for (final Thread t : blocked)
            {
                LockSupport.unpark(t);
            }
        }
    }

    private long released()
    {
        long total = releasedExtra.get();
        for (int i = 1; i <= partitions; i++)
        {
            total += releasedBy.get(i * STRIDE);
        }
        return total;
    }

    /**
     * Published events, derived from the reservations so that publishing costs no extra counter:
     * every accepted event took a unit, or was handed the unit of an event DISCARD_OLDEST dropped; an event
     * DISCARD_NEWEST dropped counts too (it was published, then discarded), so that for every policy
     * {@code published = delivered + discarded + handlerErrors + queueDepth} with one handler per event.
     *
     * @return events published so far.
     */
    long published()
    {
        return reserved.get(RESERVED) + transferred.sum() + droppedNewest.sum() - unpublished.sum();
    }

    /** @return units taken and not given back: events queued, held back or in a handler. */
    long depth()
    {
        final long released = released();
        return reserved.get(RESERVED) - released;
    }

    /**
     * The dispatch lookup: no allocation, no lock.
     *
     * @param topic the event's topic.
     * @param scope the event's origin.
     * @return the handlers subscribed on the topic in that scope (do not modify).
     */
    Subscription[] handlers(final int topic, final String scope)
    {
        final AtomicReferenceArray<ScopedHandlers> t = table;
        if (t == null)
        {
            return ScopedHandlers.NONE;
        }
        final ScopedHandlers h = t.get(topic);
        return h == null ? ScopedHandlers.NONE : h.of(scope);
    }

    /** @return the handlers of a topic over all scopes (a new array; listings and owner-wide removal). */
    Subscription[] handlers(final int topic)
    {
        final AtomicReferenceArray<ScopedHandlers> t = table;
        final ScopedHandlers h = t == null ? null : t.get(topic);
        return h == null ? ScopedHandlers.NONE : h.all();
    }

    /** Caller holds the subscribe lock. */
    void add(final Subscription subscription)
    {
        AtomicReferenceArray<ScopedHandlers> t = table;
        if (t == null)
        {
            t = new AtomicReferenceArray<>(Channel.MAX_TOPIC + 1);
            table = t;
        }
        final ScopedHandlers old = t.get(subscription.topic());
        t.set(subscription.topic(), (old == null ? ScopedHandlers.empty() : old).with(subscription));
        subscriptions++;
    }

    /** Caller holds the subscribe lock. */
    boolean remove(final Subscription subscription)
    {
        final AtomicReferenceArray<ScopedHandlers> t = table;
        final ScopedHandlers old = t == null ? null : t.get(subscription.topic());
        if (old == null)
        {
            return false;
        }
        final ScopedHandlers next = old.without(subscription);
        if (next == old)
        {
            return false;
        }
        t.set(subscription.topic(), next.size() == 0 ? null : next);
        subscriptions--;
        return true;
    }

    ChannelStats snapshot()
    {
        return new ChannelStats(channel, published(), delivered.sum(), discarded.sum(), handlerErrors.sum(),
            suppressed.sum(), rejected.sum(), depth(), subscriptions,
            tooDeep.sum());
    }
}
