package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.DispatcherTestSupport.RecordingJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live event that no handler of its channel/topic in its scope hears is dispatched as it is published: it is
 * journaled, counted and completes awaiters as any event, but takes no place in a queue and wakes no worker (on
 * NATS, a publish whose handlers are all in other JVMs).
 */
class UnheardEventTest
{
    private Dispatcher dispatcher;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void closeDispatcher()
    {
        release.countDown();
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    /** Occupy the only worker inside a handler of A 1, so an event queued behind it stays queued. */
    private void holdTheWorker() throws InterruptedException
    {
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            entered.countDown();
            try
            {
                release.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, 1L);
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(1), "")));
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the handler holds the worker");
    }

    @Test
    void shouldDispatchAnEventNoHandlerHearsAtOnceWithoutQueueingIt() throws Exception
    {
        final RecordingJournal journal = new RecordingJournal();
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), journal);
        holdTheWorker();
        final long sequence = dispatcher.publish(Channel.A, 2, num(2), "");
        assertTrue(Publication.isAccepted(sequence));
        final ChannelStats stats = dispatcher.stats(Channel.A);
        assertEquals(2, stats.published());
        assertEquals(1, stats.queueDepth(), "only the event inside the handler holds a unit");
        assertTrue(journal.contains(sequence), "journaled as any event");
        release.countDown();
        assertTrue(dispatcher.drain(10_000));
        assertEquals(1, dispatcher.stats(Channel.A).delivered(), "one handler, of the first event");
        assertEquals(0, dispatcher.stats(Channel.A).queueDepth());
    }

    @Test
    void shouldQueueAnEventForTheHandlersOfItsOwnScopeOnly() throws Exception
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final List<String> heard = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(Channel.A, 2, e -> heard.add(e.origin()), 2L, "s");
        holdTheWorker();
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 2, num(2), "")));
        assertEquals(1, dispatcher.stats(Channel.A).queueDepth(), "the root scope has no handler of A 2");
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 2, num(3), "s")));
        assertEquals(2, dispatcher.stats(Channel.A).queueDepth(), "scope s has one: queued behind the handler");
        release.countDown();
        assertTrue(dispatcher.drain(10_000));
        assertEquals(List.of("s"), heard);
    }

    @Test
    void shouldCompleteAnAwaiterOfAnEventNoHandlerHears() throws Exception
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        try (Awaiter awaiter = dispatcher.listen(Channel.B, 5, ""))
        {
            final long sequence = dispatcher.publish(Channel.B, 5, num(5), "");
            assertEquals(sequence, awaiter.await(10_000).sequence());
        }
    }
}
