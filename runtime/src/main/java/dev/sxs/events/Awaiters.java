package dev.sxs.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one-shot listeners of {@link Dispatcher#listen}, by channel/topic. Publishers complete them at
 * publish time ({@link #complete}); with no awaiter registered that costs one volatile read.
 * <p>
 * Threading: safe from any thread.
 */
final class Awaiters
{
    private final Map<Integer, CopyOnWriteArrayList<Awaiter>> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    private static int keyOf(final Channel channel, final int topic)
    {
        return (channel.ordinal() << 16) | topic;
    }

    void add(final Awaiter awaiter)
    {
        byKey.computeIfAbsent(keyOf(awaiter.channel(), awaiter.topic()), k -> new CopyOnWriteArrayList<>())
            .add(awaiter);
        count.incrementAndGet();
    }

    void remove(final Awaiter awaiter)
    {
        final CopyOnWriteArrayList<Awaiter> list = byKey.get(keyOf(awaiter.channel(), awaiter.topic()));
        if (list != null && list.remove(awaiter))
        {
            count.decrementAndGet();
        }
    }

    /** Hand a just-published event to every awaiter of its channel/topic. */
    void complete(final Event event)
    {
        if (count.get() == 0)
        {
            return;
        }
        final CopyOnWriteArrayList<Awaiter> list = byKey.get(keyOf(event.channel(), event.topic()));
        if (list == null)
        {
            return;
        }
        for (final Awaiter a : list)
        {
            if (a.complete(event))
            {
                remove(a);
            }
        }
    }

    /** Release every waiting awaiter (close). */
    void cancelAll()
    {
        for (final CopyOnWriteArrayList<Awaiter> list : byKey.values())
        {
            for (final Awaiter a : list)
            {
                a.cancel();
            }
        }
    }
}
