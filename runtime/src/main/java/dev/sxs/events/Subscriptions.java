package dev.sxs.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every registered handler: the per-channel copy-on-write tables workers read ({@link ChannelState}),
 * plus the set of all subscriptions for owner-wide removal and topic listings.
 * <p>
 * Threading: changes are serialised by one lock; workers read the tables without locking, so a
 * change is seen from the next event dispatched after it.
 */
final class Subscriptions
{
    private final ChannelState[] channels;
    private final Object lock = new Object();
    private final Set<Subscription> all = ConcurrentHashMap.newKeySet();

    Subscriptions(final ChannelState[] channels)
    {
        this.channels = channels;
    }

    void add(final Subscription subscription)
    {
        synchronized (lock)
        {
            channels[subscription.channel().ordinal()].add(subscription);
            all.add(subscription);
        }
    }

    boolean remove(final Subscription subscription)
    {
        synchronized (lock)
        {
            all.remove(subscription);
            return channels[subscription.channel().ordinal()].remove(subscription);
        }
    }

    int removeOwned(final Channel channel, final int topic, final Object ownerId)
    {
        int removed = 0;
        synchronized (lock)
        {
            for (final Subscription s : channels[channel.ordinal()].handlers(topic))
            {
                if (Objects.equals(s.ownerId(), ownerId) && remove(s))
                {
                    removed++;
                }
            }
        }
        return removed;
    }

    int removeOwned(final Object ownerId)
    {
        int removed = 0;
        synchronized (lock)
        {
            for (final Subscription s : new ArrayList<>(all))
            {
                if (Objects.equals(s.ownerId(), ownerId) && remove(s))
                {
                    removed++;
                }
            }
        }
        return removed;
    }

    List<Subscription> owned(final long ownerId)
    {
        final List<Subscription> out = new ArrayList<>();
        for (final Subscription s : all)
        {
            if (s.ownerId() instanceof Long id && id == ownerId)
            {
                out.add(s);
            }
        }
        return out;
    }

    Map<Integer, Integer> topics(final Channel channel)
    {
        final Map<Integer, Integer> out = new TreeMap<>();
        for (final Subscription s : all)
        {
            if (s.channel() == channel)
            {
                out.merge(s.topic(), 1, Integer::sum);
            }
        }
        return out;
    }
}
