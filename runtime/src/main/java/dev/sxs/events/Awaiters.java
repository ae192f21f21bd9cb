package dev.sxs.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one-shot listeners of {@link Dispatcher#listen}, by channel/topic, each in its scope. Publishers complete them at
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

    /** Create and register an awaiter ({@link Dispatcher#listen}); cancelled at once when closed. */
    Awaiter listen(final Channel channel, final int topic, final String scope, final long defaultTimeoutMillis,
        final Lifecycle lifecycle)
    {
        if (channel == null || !Channel.isValidTopic(topic))
        {
            throw new IllegalArgumentException("listen needs a channel and a topic 0..65535");
        }
        final Awaiter a = new Awaiter(this, defaultTimeoutMillis, channel, topic, scope == null ? "" : scope);
        add(a);
        if (lifecycle.closed)
        {
            a.cancel();
        }
        return a;
    }

    /** Run {@code body} (may be null) while {@code awaiter} listens, then await it ({@link Dispatcher#awaitNext}). */
    static Event runThenAwait(final Awaiter awaiter, final Runnable body, final long timeoutMillis)
    {
        try (Awaiter a = awaiter)
        {
            if (body != null)
            {
                body.run();
            }
            return a.await(timeoutMillis);
        }
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

    /** Hand a just-published event to every awaiter of its channel/topic and scope. */
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
            if (a.listensIn(event.origin()) && a.complete(event))
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
