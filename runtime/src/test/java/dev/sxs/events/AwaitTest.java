package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.numOf;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwaitTest
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
    void shouldReturnTheEventCausedByTheBody()
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), null);
        dispatcher.subscribe(Channel.A, 50, e -> dispatcher.publish(Channel.B, 51, num(numOf(e) * 2), ""), 3L);
        final Event reply = dispatcher.awaitNext(Channel.B, 51, () -> dispatcher.publish(Channel.A, 50, num(21),
            ""), 10_000);
        assertNotNull(reply);
        assertEquals(42, numOf(reply));
    }

    @Test
    void shouldSeeAnEventPublishedByTheBodyItself()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final Event e = dispatcher.awaitNext(Channel.C, 9, () -> dispatcher.publish(Channel.C, 9, num(9), ""), 0);
        assertNotNull(e);
        assertEquals(9, numOf(e));
    }

    @Test
    void shouldTimeOutWithThePerCallOrTheDefaultTimeout()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000).withAwaitTimeout(30), null);
        assertNull(dispatcher.awaitNext(Channel.C, 1, null, 20));
        try (Awaiter a = dispatcher.listen(Channel.C, 1))
        {
            assertNull(a.await());
            assertTrue(!a.isCancelled());
        }
        assertEquals(5000, DispatcherOptions.defaults().awaitTimeoutMillis());
    }

    @Test
    void shouldNotDisturbOtherSubscriptions()
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), null);
        final AtomicInteger handled = new AtomicInteger();
        dispatcher.subscribe(Channel.D, 4, e -> handled.incrementAndGet(), 4L);
        final Event e = dispatcher.awaitNext(Channel.D, 4, () -> dispatcher.publish(Channel.D, 4, num(1), ""), 10_000);
        assertNotNull(e);
        assertTrue(dispatcher.drain(10_000));
        assertEquals(1, handled.get());
        // the awaiter is gone: later events only reach the handler
        dispatcher.publish(Channel.D, 4, num(2), "");
        assertTrue(dispatcher.drain(10_000));
        assertEquals(2, handled.get());
    }

    /**
     * Eight handlers on channel A each await a reply on B that only the handlers on channel C cause,
     * on a dispatcher with two workers. The replies are published once all eight requests arrived, so
     * at least seven askers await at the same time: without compensation both workers would sit in an
     * await and the other askers could never run. The responders never block: a handler blocked
     * outside an await keeps its partition (see docs/events.md), and the askers' events may still be
     * queued behind it on that partition.
     */
    @Test
    void shouldCompleteMoreAwaitsInsideHandlersThanThereAreWorkers() throws Exception
    {
        assertAwaitsInsideHandlersComplete(8, false);
    }

    /**
     * Regression: each request is published only after the previous asker sent its own, so the thread
     * that takes over a partition finds a responder's event before the next asker's. The first version
     * of the test above let its responders block on a latch until all askers were waiting: that holds
     * the partition, the next asker's event queued behind it never runs, and the test deadlocked (seen
     * once on a loaded machine, every time with this ordering).
     */
    @Test
    void shouldCompleteAwaitsInsideHandlersWhenTheRequestsArriveOneByOne() throws Exception
    {
        assertAwaitsInsideHandlersComplete(8, true);
    }

    private void assertAwaitsInsideHandlersComplete(final int awaits, final boolean oneByOne) throws Exception
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000).withAwaitTimeout(60_000), null);
        final ConcurrentHashMap<Integer, Long> replies = new ConcurrentHashMap<>();
        final Semaphore asked = new Semaphore(0);
        final AtomicInteger requests = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(awaits);
        for (int i = 0; i < awaits; i++)
        {
            final int topic = i;
            dispatcher.subscribe(Channel.A, topic, e ->
            {
                final Event reply = dispatcher.awaitNext(Channel.B, topic, () ->
                {
                    dispatcher.publish(Channel.C, topic, e.payload(), "");
                    asked.release();
                }, 60_000);
                if (reply != null)
                {
                    replies.put(topic, numOf(reply));
                }
                done.countDown();
            }, 5L);
            dispatcher.subscribe(Channel.C, topic, e ->
            {
                // the last request answers them all: every asker has been started by then
                if (requests.incrementAndGet() == awaits)
                {
                    for (int t = 0; t < awaits; t++)
                    {
                        dispatcher.publish(Channel.B, t, num(t + 1000), "");
                    }
                }
            }, 6L);
        }
        for (int i = 0; i < awaits; i++)
        {
            assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, i, num(i), "")));
            if (oneByOne)
            {
                assertTrue(asked.tryAcquire(20, TimeUnit.SECONDS), "asker " + i + " never ran");
            }
        }
        assertTrue(done.await(20, TimeUnit.SECONDS), "awaits inside handlers deadlocked");
        for (int i = 0; i < awaits; i++)
        {
            assertEquals(1000L + i, replies.get(i));
        }
        assertTrue(dispatcher.drain(10_000));
    }

    /** While a handler of a topic awaits, later events of that topic wait for it: order holds. */
    @Test
    void shouldKeepTopicOrderWhileAHandlerAwaits() throws Exception
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000).withAwaitTimeout(60_000), null);
        final List<Long> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final CountDownLatch done = new CountDownLatch(3);
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            order.add(numOf(e));
            if (numOf(e) == 1)
            {
                // topic A/2 lives on the same (only) partition and must keep flowing meanwhile
                final Event reply = dispatcher.awaitNext(Channel.B, 1,
                    () -> dispatcher.publish(Channel.A, 2, num(0), ""), 60_000);
                order.add(reply == null ? -1 : numOf(reply));
            }
            done.countDown();
        }, 7L);
        dispatcher.subscribe(Channel.A, 2, e -> dispatcher.publish(Channel.B, 1, num(100), ""), 8L);
        dispatcher.publish(Channel.A, 1, num(1), "");
        dispatcher.publish(Channel.A, 1, num(2), "");
        dispatcher.publish(Channel.A, 1, num(3), "");
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(1L, 100L, 2L, 3L), order);
    }

    @Test
    void shouldReleaseAwaitersAtClose() throws Exception
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final Awaiter a = dispatcher.listen(Channel.F, 1);
        final Thread closer = new Thread(dispatcher::close);
        closer.start();
        assertNull(a.await(60_000));
        closer.join();
        assertTrue(a.isCancelled());
    }
}
