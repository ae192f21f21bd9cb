package dev.sxs.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every registered handler: the per-channel copy-on-write tables workers read ({@link ChannelState}),
 * plus the set of all subscriptions, in registration order, for listings, and each owner's own, for owner-wide
 * removal and listings at the cost of that owner's handlers only.
 * <p>
 * Threading: changes and listings are serialised by one lock; workers read the tables without locking,
 * so a change is seen from the next event dispatched after it.
 */
final class Subscriptions
{
    private final ChannelState[] channels;
    private final Object lock = new Object();
    private final Set<Subscription> all = new LinkedHashSet<>();
    /** Each owner's handlers, kept with {@link #all}: an owner's listing and removal cost its own handlers. */
    private final Map<Long, Set<Subscription>> owned = new HashMap<>();

    Subscriptions(final ChannelState[] channels)
    {
        this.channels = channels;
    }

    Subscription add(final Channel channel, final int topic, final EventHandler handler, final long ownerId,
        final String scope)
    {
        if (channel == null || handler == null || !Channel.isValidTopic(topic))
        {
            throw new IllegalArgumentException("subscribe needs a channel, a topic 0..65535 and a handler");
        }
        final Subscription subscription =
            new Subscription(this, channel, topic, handler, ownerId, scope == null ? "" : scope);
        synchronized (lock)
        {
            channels[channel.ordinal()].add(subscription);
            all.add(subscription);
            owned.computeIfAbsent(ownerId, owner -> new LinkedHashSet<>()).add(subscription);
        }
        return subscription;
    }

    boolean remove(final Subscription subscription)
    {
        synchronized (lock)
        {
            if (all.remove(subscription))
            {
                final Set<Subscription> mine = owned.get(subscription.ownerId());
                if (mine != null && mine.remove(subscription) && mine.isEmpty())
                {
                    owned.remove(subscription.ownerId());
                }
            }
            return channels[subscription.channel().ordinal()].remove(subscription);
        }
    }

    int removeOwned(final Channel channel, final int topic, final long ownerId)
    {
        if (channel == null || !Channel.isValidTopic(topic))
        {
            return 0;
        }
        int removed = 0;
        synchronized (lock)
        {
            for (final Subscription s : channels[channel.ordinal()].handlers(topic))
            {
                if (s.ownerId() == ownerId && remove(s))
                {
                    removed++;
                }
            }
        }
        return removed;
    }

    int removeOwned(final long ownerId)
    {
        int removed = 0;
        synchronized (lock)
        {
            for (final Subscription s : ownedBy(ownerId))
            {
                if (remove(s))
                {
                    removed++;
                }
            }
        }
        return removed;
    }

    List<Subscription> ownedBy(final long ownerId)
    {
        synchronized (lock)
        {
            final Set<Subscription> mine = owned.get(ownerId);
            // O(1) for an owner without handlers: every eval's short-lived session asks this when it ends
            return mine == null ? List.of() : new ArrayList<>(mine);
        }
    }

    Map<Integer, Integer> topics(final Channel channel)
    {
        final Map<Integer, Integer> out = new TreeMap<>();
        synchronized (lock)
        {
            for (final Subscription s : all)
            {
                if (s.channel() == channel)
                {
                    out.merge(s.topic(), 1, Integer::sum);
                }
            }
        }
        return out;
    }
}
