package dev.sxs.events;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters, capacity reservation and handler table of one channel. Internal to the dispatcher.
 * <p>
 * Threading: counters and depth are atomic; the handler table is copy-on-write per topic, written
 * under the dispatcher's subscribe lock and read lock-free by workers.
 */
final class ChannelState
{
    private static final Subscription[] NONE = new Subscription[0];

    final Channel channel;
    final AtomicLong depth = new AtomicLong();
    final LongAdder published = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder discarded = new LongAdder();
    final LongAdder handlerErrors = new LongAdder();
    final LongAdder suppressed = new LongAdder();
    final LongAdder rejected = new LongAdder();
    volatile ChannelSink sink;
    private volatile AtomicReferenceArray<Subscription[]> table;
    int subscriptions;

    ChannelState(final Channel channel)
    {
        this.channel = channel;
    }

    /**
     * Take one unit of capacity if there is room.
     *
     * @param capacity the channel capacity.
     * @return true when reserved.
     */
    boolean tryReserve(final int capacity)
    {
        while (true)
        {
            final long d = depth.get();
            if (d >= capacity)
            {
                return false;
            }
            if (depth.compareAndSet(d, d + 1))
            {
                return true;
            }
        }
    }

    Subscription[] handlers(final int topic)
    {
        final AtomicReferenceArray<Subscription[]> t = table;
        if (t == null)
        {
            return NONE;
        }
        final Subscription[] subs = t.get(topic);
        return subs == null ? NONE : subs;
    }

    /** Caller holds the subscribe lock. */
    void add(final Subscription subscription)
    {
        AtomicReferenceArray<Subscription[]> t = table;
        if (t == null)
        {
            t = new AtomicReferenceArray<>(Channel.MAX_TOPIC + 1);
            table = t;
        }
        final Subscription[] old = handlers(subscription.topic());
        final Subscription[] next = java.util.Arrays.copyOf(old, old.length + 1);
        next[old.length] = subscription;
        t.set(subscription.topic(), next);
        subscriptions++;
    }

    /** Caller holds the subscribe lock. */
    boolean remove(final Subscription subscription)
    {
        final Subscription[] old = handlers(subscription.topic());
        for (int i = 0; i < old.length; i++)
        {
            if (old[i] == subscription)
            {
                final Subscription[] next = new Subscription[old.length - 1];
                System.arraycopy(old, 0, next, 0, i);
                System.arraycopy(old, i + 1, next, i, old.length - i - 1);
                table.set(subscription.topic(), next.length == 0 ? null : next);
                subscriptions--;
                return true;
            }
        }
        return false;
    }

    ChannelStats snapshot()
    {
        return new ChannelStats(channel, published.sum(), delivered.sum(), discarded.sum(), handlerErrors.sum(),
            suppressed.sum(), rejected.sum(), depth.get(), subscriptions);
    }
}
