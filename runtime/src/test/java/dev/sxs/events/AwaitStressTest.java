package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.numOf;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many topics on two workers, where every fifth event's handler awaits a reply produced by handlers
 * on other channels: partitions change hands again and again, and per-topic order, exactly-once
 * delivery and the accounting must all survive it.
 */
class AwaitStressTest
{
    private Dispatcher dispatcher;

    @AfterEach
    void closeDispatcher()
    {
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    @Test
    void shouldKeepOrderAndCountsWhilePartitionsChangeHands() throws Exception
    {
        final int topics = 16;
        final int perTopic = 200;
        dispatcher = Dispatcher.start(options(2, 10_000, OverflowPolicy.BLOCK, 60_000).withAwaitTimeout(60_000), null);
        final List<List<Long>> seen = new ArrayList<>();
        final AtomicInteger failedAwaits = new AtomicInteger();
        for (int t = 0; t < topics; t++)
        {
            final int topic = t;
            final List<Long> mine = Collections.synchronizedList(new ArrayList<>());
            seen.add(mine);
            dispatcher.subscribe(Channel.A, topic, e ->
            {
                final long n = numOf(e);
                if (n % 5 == 0)
                {
                    final Event reply = dispatcher.awaitNext(Channel.B, topic,
                        () -> dispatcher.publish(Channel.C, topic, e.payload(), ""), 60_000);
                    if (reply == null || numOf(reply) != n)
                    {
                        failedAwaits.incrementAndGet();
                    }
                }
                mine.add(n);
            }, "asker");
            // a second handler on the same topic must see the same order
            dispatcher.subscribe(Channel.A, topic, e -> seen.get(topic).add(-numOf(e) - 1), "second");
            dispatcher.subscribe(Channel.C, topic, e -> dispatcher.publish(Channel.B, topic, e.payload(), ""),
                "responder");
        }
        for (int i = 0; i < perTopic; i++)
        {
            for (int t = 0; t < topics; t++)
            {
                assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, t, num(i), "")));
            }
        }
        assertTrue(dispatcher.drain(60_000));
        assertEquals(0, failedAwaits.get());
        for (int t = 0; t < topics; t++)
        {
            final List<Long> mine = seen.get(t);
            assertEquals(2 * perTopic, mine.size());
            for (int i = 0; i < perTopic; i++)
            {
                // the asker then the second handler, event after event
                assertEquals(i, mine.get(2 * i), "topic " + t);
                assertEquals(-i - 1, mine.get(2 * i + 1), "topic " + t);
            }
        }
        final ChannelStats a = dispatcher.stats(Channel.A);
        assertEquals(topics * perTopic, a.published());
        assertEquals(2L * topics * perTopic, a.delivered());
        assertEquals(0, a.queueDepth());
        assertEquals(0, dispatcher.pending());
        dispatcher.close();
        assertEquals(List.of(), DispatcherTestSupport.sxsThreads());
    }
}
