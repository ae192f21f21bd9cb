package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.numOf;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sxs.events.DispatcherTestSupport.RecordingJournal;
import dev.sxs.lang.StrValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DispatcherTest
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
    void shouldDeliverEveryEventToEveryHandlerOfItsTopicOnly()
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), null);
        final int events = 200;
        final List<List<Long>> seen = new ArrayList<>();
        for (int h = 0; h < 3; h++)
        {
            final List<Long> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            seen.add(mine);
            dispatcher.subscribe(Channel.A, 7, e -> mine.add(numOf(e)), 100L + h);
        }
        final AtomicInteger otherTopic = new AtomicInteger();
        dispatcher.subscribe(Channel.A, 8, e -> otherTopic.incrementAndGet(), 10L);
        dispatcher.subscribe(Channel.B, 7, e -> otherTopic.incrementAndGet(), 10L);
        for (int i = 0; i < events; i++)
        {
            assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 7, num(i), "")));
        }
        assertTrue(dispatcher.drain(10_000));
        for (final List<Long> mine : seen)
        {
            assertEquals(events, mine.size());
            for (int i = 0; i < events; i++)
            {
                assertEquals(i, mine.get(i));
            }
        }
        assertEquals(0, otherTopic.get());
        final ChannelStats stats = dispatcher.stats(Channel.A);
        assertEquals(events, stats.published());
        assertEquals(3L * events, stats.delivered());
        assertEquals(0, stats.queueDepth());
        assertEquals(4, stats.subscriptions());
    }

    @Test
    void shouldKeepPublishOrderPerTopicUnderLoadFromSeveralPublishers() throws Exception
    {
        final RecordingJournal journal = new RecordingJournal();
        dispatcher = Dispatcher.start(options(2, 256, OverflowPolicy.BLOCK, 30_000), journal);
        final int publishers = 4;
        final int topics = 16;
        final int perPublisherPerTopic = 2_000;
        final ConcurrentHashMap<Integer, long[]> lastByTopicAndPublisher = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Integer, Long> lastSequence = new ConcurrentHashMap<>();
        final AtomicInteger violations = new AtomicInteger();
        final AtomicInteger received = new AtomicInteger();
        for (int t = 0; t < topics; t++)
        {
            final int topic = t;
            final long[] last = new long[publishers];
            java.util.Arrays.fill(last, -1);
            lastByTopicAndPublisher.put(topic, last);
            dispatcher.subscribe(Channel.C, topic, e ->
            {
                final long v = numOf(e);
                final int publisher = (int)(v / 1_000_000);
                final long count = v % 1_000_000;
                if (count != last[publisher] + 1)
                {
                    violations.incrementAndGet();
                }
                last[publisher] = count;
                final Long prev = lastSequence.put(topic, e.sequence());
                if (prev != null && prev >= e.sequence())
                {
                    violations.incrementAndGet();
                }
                received.incrementAndGet();
            }, 11L);
        }
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        for (int p = 0; p < publishers; p++)
        {
            final int publisher = p;
            final Thread thread = new Thread(() ->
            {
                try
                {
                    start.await();
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
                for (int i = 0; i < perPublisherPerTopic; i++)
                {
                    for (int topic = 0; topic < topics; topic++)
                    {
                        if (!Publication.isAccepted(dispatcher.publish(Channel.C, topic,
                            num(publisher * 1_000_000L + i),
                            "")))
                        {
                            refused.incrementAndGet();
                        }
                    }
                }
            }, "publisher-" + p);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (final Thread thread : threads)
        {
            thread.join();
        }
        assertTrue(dispatcher.drain(30_000));
        assertEquals(0, refused.get());
        assertEquals(0, violations.get());
        assertEquals(publishers * topics * perPublisherPerTopic, received.get());
        assertEquals(publishers * topics * perPublisherPerTopic, journal.events.size());
        for (int i = 0; i < journal.events.size(); i++)
        {
            assertEquals(i + 1, journal.events.get(i).sequence());
        }
    }

    /**
     * Topics 0 and 1 of a channel fall on different workers; each handler waits at a barrier that only
     * the other topic's handler can open, so both complete only if they run at the same time.
     */
    @Test
    void shouldRunHandlersOfDifferentTopicsInParallelAcrossWorkers() throws Exception
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), null);
        final java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
        final List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch met = new CountDownLatch(2);
        for (int topic = 0; topic < 2; topic++)
        {
            dispatcher.subscribe(Channel.A, topic, e ->
            {
                barrier.await(10, TimeUnit.SECONDS);
                threads.add(Thread.currentThread().getName());
                met.countDown();
            }, 12L);
        }
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 0, num(0), "")));
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(1), "")));
        assertTrue(met.await(20, TimeUnit.SECONDS), "handlers of two topics did not run at the same time");
        assertTrue(dispatcher.drain(10_000));
        assertEquals(0, dispatcher.stats(Channel.A).handlerErrors());
        assertEquals(2, new java.util.HashSet<>(threads).size(), threads::toString);
    }

    @Test
    void shouldJournalEachAcceptedEventOnceBeforeDispatch()
    {
        final RecordingJournal journal = new RecordingJournal();
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), journal);
        final AtomicInteger notYetJournaled = new AtomicInteger();
        dispatcher.subscribe(Channel.D, 3, e ->
        {
            if (!journal.contains(e.sequence()))
            {
                notYetJournaled.incrementAndGet();
            }
        }, 13L);
        for (int i = 0; i < 100; i++)
        {
            assertEquals(i + 1, dispatcher.publish(Channel.D, 3, num(i), "scope:"));
        }
        assertTrue(dispatcher.drain(10_000));
        assertEquals(0, notYetJournaled.get());
        assertEquals(100, journal.events.size());
        final Event first = journal.events.get(0);
        assertEquals(Channel.D, first.channel());
        assertEquals(3, first.topic());
        assertEquals("scope:", first.origin());
        assertTrue(Math.abs(TimeUnit.NANOSECONDS.toMillis(first.timestampNanos())
            - System.currentTimeMillis()) < 60_000);
    }

    @Test
    void shouldRefuseBadArgumentsWithCodesNotExceptions()
    {
        dispatcher = Dispatcher.start(options(1, 10, OverflowPolicy.BLOCK, 10), null);
        assertEquals(Publication.BAD_CHANNEL, dispatcher.publish(null, 1, num(1), ""));
        assertEquals(Publication.BAD_TOPIC, dispatcher.publish(Channel.A, -1, num(1), ""));
        assertEquals(Publication.BAD_TOPIC, dispatcher.publish(Channel.A, 65536, num(1), ""));
        assertEquals(Publication.BAD_PAYLOAD, dispatcher.publish(Channel.A, 1, null, ""));
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 65535, new StrValue("edge"), "")));
        assertEquals("topic out of range", Publication.describe(Publication.BAD_TOPIC));
        dispatcher.close();
        assertEquals(Publication.CLOSED, dispatcher.publish(Channel.A, 1, num(1), ""));
    }

    @Test
    void shouldCountHandlerErrorsLogOnceAndKeepTheWorkerAlive()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final AtomicInteger healthy = new AtomicInteger();
        dispatcher.subscribe(Channel.E, 1, e ->
        {
            throw new IllegalStateException("boom");
        }, 14L);
        dispatcher.subscribe(Channel.E, 1, e -> healthy.incrementAndGet(), 15L);
        dispatcher.subscribe(Channel.E, 2, e ->
        {
            throw new StackOverflowError();
        }, 16L);
        for (int i = 0; i < 10; i++)
        {
            dispatcher.publish(Channel.E, 1, num(i), "");
            dispatcher.publish(Channel.E, 2, num(i), "");
        }
        assertTrue(dispatcher.drain(10_000));
        assertEquals(10, healthy.get());
        final ChannelStats stats = dispatcher.stats(Channel.E);
        assertEquals(20, stats.handlerErrors());
        assertEquals(10, stats.delivered());
        assertEquals(2, dispatcher.distinctErrors().size());
        assertTrue(dispatcher.distinctErrors().values().stream().allMatch(n -> n == 10));
    }

    @Test
    void shouldUnsubscribeByOwnerAndByHandle()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final AtomicInteger mine = new AtomicInteger();
        final AtomicInteger theirs = new AtomicInteger();
        dispatcher.subscribe(Channel.A, 5, e -> mine.incrementAndGet(), 17L);
        dispatcher.subscribe(Channel.A, 5, e -> mine.incrementAndGet(), 17L);
        final Subscription other = dispatcher.subscribe(Channel.A, 5, e -> theirs.incrementAndGet(), 18L);
        assertEquals(java.util.Map.of(5, 3), dispatcher.topics(Channel.A));
        assertEquals(2, dispatcher.unsubscribe(Channel.A, 5, 17L));
        assertEquals(0, dispatcher.unsubscribe(Channel.A, 5, 17L));
        dispatcher.publish(Channel.A, 5, num(1), "");
        assertTrue(dispatcher.drain(10_000));
        assertEquals(0, mine.get());
        assertEquals(1, theirs.get());
        assertTrue(other.cancel());
        assertEquals(java.util.Map.of(), dispatcher.topics(Channel.A));
        assertEquals(0, dispatcher.stats(Channel.A).subscriptions());
    }

    @ParameterizedTest
    @EnumSource(IdleMode.class)
    void shouldDeliverWithEveryIdleStrategy(final IdleMode mode) throws Exception
    {
        dispatcher = Dispatcher.start(DispatcherOptions.defaults().withWorkers(2, mode, 1), null);
        final CountDownLatch latch = new CountDownLatch(100);
        for (int t = 0; t < 4; t++)
        {
            dispatcher.subscribe(Channel.F, t, e -> latch.countDown(), 19L);
        }
        for (int i = 0; i < 100; i++)
        {
            dispatcher.publish(Channel.F, i % 4, num(i), "");
        }
        assertTrue(latch.await(10, TimeUnit.SECONDS));
        assertEquals(mode == IdleMode.BUSY_SPIN ? 1 : 0, dispatcher.spinningWorkers());
    }

    @Test
    void shouldNeverSpinMoreWorkersThanTheCap()
    {
        dispatcher = Dispatcher.start(DispatcherOptions.defaults().withWorkers(3, IdleMode.BUSY_SPIN, 0), null);
        assertEquals(0, dispatcher.spinningWorkers());
        assertEquals(Math.max(0, Runtime.getRuntime().availableProcessors() - 2),
            DispatcherOptions.defaultMaxSpinningWorkers());
    }

    @Test
    void shouldDrainThenCloseLeavingNoThreadBehind() throws Exception
    {
        dispatcher = Dispatcher.start(options(3, 1000, OverflowPolicy.BLOCK, 1000), null);
        final AtomicInteger handled = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        dispatcher.subscribe(Channel.B, 1, e ->
        {
            started.countDown();
            handled.incrementAndGet();
            // a follow-up published by a handler during drain is still delivered
            if (numOf(e) < 50)
            {
                dispatcher.publish(Channel.B, 1, num(numOf(e) + 100), "");
            }
        }, 20L);
        for (int i = 0; i < 50; i++)
        {
            dispatcher.publish(Channel.B, 1, num(i), "");
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        dispatcher.close();
        assertEquals(100, handled.get());
        assertEquals(0, dispatcher.pending());
        assertEquals(List.of(), DispatcherTestSupport.sxsThreads());
    }

    @Test
    void shouldSuppressPublicationsOfReplayedEventsAndNotJournalThem()
    {
        final RecordingJournal journal = new RecordingJournal();
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), journal);
        final List<Long> results = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger onB = new AtomicInteger();
        dispatcher.subscribe(Channel.A, 1, e -> results.add(dispatcher.publish(Channel.B, 2, e.payload(), "s:")), 21L,
            "s:");
        dispatcher.subscribe(Channel.B, 2, e -> onB.incrementAndGet(), 21L, "s:");
        final Event old = new Event(42, 1_000L, Channel.A, 1, num(7), "s:");
        assertEquals(42, dispatcher.publishReplay(old));
        assertTrue(dispatcher.drain(10_000));
        assertEquals(List.of(Publication.SUPPRESSED), results);
        assertEquals(0, onB.get());
        assertEquals(1, dispatcher.stats(Channel.B).suppressed());
        assertEquals(0, journal.events.size());
        // a live publication still flows and is journaled, and so is its handler's follow-up
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(8), "s:")));
        assertTrue(dispatcher.drain(10_000));
        assertEquals(1, onB.get());
        assertEquals(2, journal.events.size());
    }
}
