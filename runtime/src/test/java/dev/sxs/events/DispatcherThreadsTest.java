package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import dev.sxs.concurrent.SxsThreadFactory;
import org.agrona.concurrent.AgentRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every dispatcher thread, workers and compensating threads, is an {@link EventThread} made by the
 * dispatcher's {@link SxsThreadFactory}: named {@code sxs-dispatch-...}, a daemon of normal priority
 * with sxs's class loader as context class loader, even when the dispatcher is started from a thread
 * with a foreign one; closing stops every {@link AgentRunner} and joins its thread.
 */
class DispatcherThreadsTest
{
    private Dispatcher dispatcher;

    @AfterEach
    void closeDispatcher()
    {
        if (dispatcher != null)
        {
            dispatcher.close(1000, 1000);
        }
    }

    @Test
    void shouldGiveEveryDispatcherThreadSxsContextLoaderWhenStartedFromAForeignOne() throws Exception
    {
        final ClassLoader sxsLoader = Dispatcher.class.getClassLoader();
        try (URLClassLoader foreign = new URLClassLoader(new URL[0], null))
        {
            final FutureTask<Dispatcher> start = new FutureTask<>(
                () -> Dispatcher.start(options(2, 100, OverflowPolicy.BLOCK, 1000), null));
            final Thread host = new Thread(start, "host-thread");
            host.setContextClassLoader(foreign);
            host.setDaemon(false);
            host.setPriority(Thread.MAX_PRIORITY);
            host.start();
            dispatcher = start.get(10, TimeUnit.SECONDS);
        }
        final Map<String, Thread> seen = new ConcurrentHashMap<>();
        final CountDownLatch done = new CountDownLatch(2);
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            seen.put("worker", Thread.currentThread());
            // awaiting inside a handler starts a compensating thread on this worker's thread
            dispatcher.awaitNext(Channel.B, 2, () -> dispatcher.publish(Channel.A, 3, num(0), ""), 10_000);
            done.countDown();
        }, 1L);
        dispatcher.subscribe(Channel.A, 3, e ->
        {
            seen.put("compensator", Thread.currentThread());
            dispatcher.publish(Channel.B, 2, num(1), "");
            done.countDown();
        }, 1L);
        dispatcher.publish(Channel.A, 1, num(0), "");
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(seen.get("compensator").getName().matches("sxs-dispatch-\\d+-c\\d+"), seen.toString());
        for (final Thread t : seen.values())
        {
            assertTrue(t instanceof EventThread, t.getName());
            assertTrue(t.getName().startsWith("sxs-dispatch-"), t.getName());
            assertTrue(t.isDaemon(), t.getName());
            assertEquals(Thread.NORM_PRIORITY, t.getPriority(), t.getName());
            assertSame(sxsLoader, t.getContextClassLoader(), t.getName());
        }
    }

    @Test
    void shouldTakeEveryThreadFromTheGivenFactory() throws Exception
    {
        final ClassLoader marker = new URLClassLoader(new URL[0], Dispatcher.class.getClassLoader());
        dispatcher = Dispatcher.start(options(2, 100, OverflowPolicy.BLOCK, 1000), null,
            new SxsThreadFactory(marker, "sxs-test-"));
        final CountDownLatch handled = new CountDownLatch(2);
        final Map<Integer, ClassLoader> loaders = new ConcurrentHashMap<>();
        for (int topic = 0; topic < 2; topic++)
        {
            final int t = topic;
            dispatcher.subscribe(Channel.A, topic, e ->
            {
                loaders.put(t, Thread.currentThread().getContextClassLoader());
                handled.countDown();
            }, 1L);
            dispatcher.publish(Channel.A, topic, num(topic), "");
        }
        assertTrue(handled.await(10, TimeUnit.SECONDS));
        assertSame(marker, loaders.get(0));
        assertSame(marker, loaders.get(1));
    }

    @Test
    void shouldStopEveryRunnerAndJoinItsThreadAtClose() throws Exception
    {
        dispatcher = Dispatcher.start(options(3, 100, OverflowPolicy.BLOCK, 1000), null);
        final List<AgentRunner> runners = dispatcher.runners();
        assertEquals(3, runners.size());
        for (final AgentRunner runner : runners)
        {
            assertFalse(runner.isClosed());
        }
        dispatcher.close();
        for (final AgentRunner runner : runners)
        {
            assertTrue(runner.isClosed(), runner.agent().roleName());
            final Thread thread = runner.thread();
            assertNotNull(thread);
            assertFalse(thread.isAlive(), runner.agent().roleName());
        }
        assertEquals(List.of(), DispatcherTestSupport.sxsThreads());
    }
}
