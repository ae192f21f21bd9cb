package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Dispatcher#close()} ends every thread it started, compensating threads included: after
 * awaits inside handlers timed out, while they still wait, and when a handler blocks on something
 * close cannot release.
 */
class AwaitCloseTest
{
    private Dispatcher dispatcher;

    @AfterEach
    void closeDispatcher()
    {
        if (dispatcher != null)
        {
            dispatcher.close(100, 1000);
        }
    }

    @Test
    void shouldLeaveNoThreadAfterAwaitsInsideHandlersTimedOut() throws Exception
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), null);
        final CountDownLatch done = new CountDownLatch(6);
        final AtomicInteger timedOut = new AtomicInteger();
        for (int topic = 0; topic < 6; topic++)
        {
            dispatcher.subscribe(Channel.A, topic, e ->
            {
                if (dispatcher.awaitNext(Channel.B, 7, null, 20) == null)
                {
                    timedOut.incrementAndGet();
                }
                done.countDown();
            }, 5L);
            dispatcher.publish(Channel.A, topic, num(topic), "");
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        assertEquals(6, timedOut.get());
        dispatcher.close();
        assertEquals(List.of(), DispatcherTestSupport.sxsThreads());
    }

    @Test
    void shouldReleaseAwaitsInsideHandlersAndJoinCompensatingThreadsAtClose() throws Exception
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000).withAwaitTimeout(60_000), null);
        final CountDownLatch inside = new CountDownLatch(4);
        final CountDownLatch released = new CountDownLatch(4);
        for (int topic = 0; topic < 4; topic++)
        {
            dispatcher.subscribe(Channel.A, topic, e ->
            {
                if (dispatcher.awaitNext(Channel.B, 7, inside::countDown, 60_000) == null)
                {
                    released.countDown();
                }
            }, 5L);
            dispatcher.publish(Channel.A, topic, num(topic), "");
        }
        assertTrue(inside.await(20, TimeUnit.SECONDS));
        assertTrue(DispatcherTestSupport.sxsThreads().stream().anyMatch(n -> n.matches("sxs-dispatch-\\d+-c\\d+")));
        dispatcher.close(100, 1000);
        assertTrue(released.await(0, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), DispatcherTestSupport.sxsThreads());
        assertEquals(4, dispatcher.stats(Channel.A).delivered());
    }

    @Test
    void shouldInterruptAHandlerStillBlockedAfterTheJoinTimeoutAndDiscardWhatIsQueued() throws Exception
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch never = new CountDownLatch(1);
        final AtomicInteger interrupted = new AtomicInteger();
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            inside.countDown();
            try
            {
                never.await();
            }
            catch (final InterruptedException ex)
            {
                interrupted.incrementAndGet();
            }
        }, 9L);
        for (int i = 0; i < 4; i++)
        {
            dispatcher.publish(Channel.A, 1, num(i), "");
        }
        assertTrue(inside.await(20, TimeUnit.SECONDS));
        dispatcher.close(100, 500);
        assertEquals(List.of(), DispatcherTestSupport.sxsThreads());
        assertEquals(1, interrupted.get());
        final ChannelStats a = dispatcher.stats(Channel.A);
        assertEquals(1, a.delivered());
        assertEquals(3, a.discarded());
        assertEquals(0, a.queueDepth());
    }
}
