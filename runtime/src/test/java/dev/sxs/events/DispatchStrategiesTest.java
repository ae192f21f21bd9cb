package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.sxs.concurrent.SxsThreadFactory;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The idle and overflow strategies a test or an embedder hands the dispatcher through
 * {@link DispatcherStrategies} are the ones its threads and publishers use; the defaults map the
 * configuration names; the busy-spin cap holds for given strategies; a parked worker is woken by the
 * publisher, not by its backstop.
 */
class DispatchStrategiesTest
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
    void shouldIdleWorkersAndCompensatorsOnTheGivenStrategies() throws Exception
    {
        final CountingIdle workerIdle = new CountingIdle();
        final CountingIdle compensatorIdle = new CountingIdle();
        final DispatcherOptions options = options(1, 100, OverflowPolicy.BLOCK, 1000);
        dispatcher = Dispatcher.start(options, null, SxsThreadFactory.create(),
            DispatcherStrategies.from(options).withWorkerIdle(worker -> workerIdle)
                .withCompensatorIdle(() -> compensatorIdle));
        final CountDownLatch answered = new CountDownLatch(1);
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            // awaiting inside a handler hands the partition to a compensating thread
            if (dispatcher.awaitNext(Channel.B, 2, () -> dispatcher.publish(Channel.A, 3, num(0), ""), 10_000) != null)
            {
                answered.countDown();
            }
        }, 1L);
        dispatcher.subscribe(Channel.A, 3, e -> dispatcher.publish(Channel.B, 2, num(1), ""), 1L);
        assertTrue(eventually(() -> workerIdle.idles.get() > 0), "the worker idles on the given strategy");
        assertEquals(0, compensatorIdle.idles.get());
        dispatcher.publish(Channel.A, 1, num(0), "");
        assertTrue(answered.await(10, TimeUnit.SECONDS));
        assertTrue(eventually(() -> compensatorIdle.idles.get() > 0), "the compensating thread idles on its strategy");
    }

    private static boolean eventually(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    @Test
    void shouldAskTheGivenOverflowStrategyWhenTheChannelIsFull() throws Exception
    {
        final AtomicInteger asked = new AtomicInteger();
        final DispatcherOptions options = options(1, 1, OverflowPolicy.BLOCK, 60_000);
        dispatcher = Dispatcher.start(options, null, SxsThreadFactory.create(),
            DispatcherStrategies.from(options).withOverflow(channel ->
            {
                asked.incrementAndGet();
                assertEquals(Channel.C, channel.channel());
                return channel.reject();
            }));
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        dispatcher.subscribe(Channel.C, 1, e ->
        {
            entered.countDown();
            release.await();
        }, 1L);
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.C, 1, num(1), "")));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        // BLOCK would wait a minute here; the given strategy refuses at once
        assertEquals(Publication.QUEUE_FULL, dispatcher.publish(Channel.C, 1, num(2), ""));
        release.countDown();
        assertEquals(1, asked.get());
        assertEquals(1, dispatcher.stats(Channel.C).rejected());
    }

    @Test
    void shouldMapTheConfigurationNamesToTheStrategyFamilies()
    {
        assertInstanceOf(BlockingOverflowStrategy.class, OverflowPolicy.BLOCK.newStrategy(1));
        assertInstanceOf(RejectingOverflowStrategy.class, OverflowPolicy.ERROR.newStrategy(1));
        assertInstanceOf(DiscardOldestOverflowStrategy.class, OverflowPolicy.DISCARD_OLDEST.newStrategy(1));
        assertInstanceOf(DiscardNewestOverflowStrategy.class, OverflowPolicy.DISCARD_NEWEST.newStrategy(1));
        assertInstanceOf(ParkingIdleStrategy.class, IdleMode.BACKOFF.newStrategy());
        assertInstanceOf(ParkingIdleStrategy.class, IdleMode.BLOCKING.newStrategy());
        assertInstanceOf(BusySpinIdleStrategy.class, IdleMode.BUSY_SPIN.newStrategy());
    }

    @Test
    void shouldCapGivenSpinningStrategiesAtMaxSpinningWorkers() throws Exception
    {
        final DispatcherOptions options = DispatcherOptions.defaults().withWorkers(3, IdleMode.BACKOFF, 1);
        dispatcher = Dispatcher.start(options, null, SxsThreadFactory.create(),
            DispatcherStrategies.from(options).withWorkerIdle(worker -> new BusySpinIdleStrategy()));
        assertEquals(1, dispatcher.spinningWorkers());
        final CountDownLatch handled = new CountDownLatch(3);
        for (int topic = 0; topic < 3; topic++)
        {
            dispatcher.subscribe(Channel.A, topic, e -> handled.countDown(), 1L);
            dispatcher.publish(Channel.A, topic, num(topic), "");
        }
        assertTrue(handled.await(10, TimeUnit.SECONDS));
    }

    @Test
    void shouldWakeAParkedWorkerOnPublishRatherThanAtTheEndOfItsPark() throws Exception
    {
        final DispatcherOptions options = options(1, 100, OverflowPolicy.BLOCK, 1000);
        final ParkingIdleStrategy parking = new ParkingIdleStrategy(0, TimeUnit.SECONDS.toNanos(60));
        dispatcher = Dispatcher.start(options, null, SxsThreadFactory.create(),
            DispatcherStrategies.from(options).withWorkerIdle(worker -> parking));
        final CountDownLatch handled = new CountDownLatch(1);
        dispatcher.subscribe(Channel.A, 1, e -> handled.countDown(), 1L);
        assertTrue(eventually(parking::isParked), "the idle worker parks");
        dispatcher.publish(Channel.A, 1, num(1), "");
        // a 60 s park: only the publisher's wake-up delivers within the test's wait
        assertTrue(handled.await(20, TimeUnit.SECONDS));
    }

    @Test
    void shouldRunWithAnAgronaStrategyThatParksWithoutWakeUps() throws Exception
    {
        final DispatcherOptions options = options(1, 100, OverflowPolicy.BLOCK, 1000);
        dispatcher = Dispatcher.start(options, null, SxsThreadFactory.create(),
            DispatcherStrategies.from(options).withWorkerIdle(worker -> new SleepingIdleStrategy(
                TimeUnit.MILLISECONDS.toNanos(1))));
        final CountDownLatch handled = new CountDownLatch(100);
        dispatcher.subscribe(Channel.A, 1, e -> handled.countDown(), 1L);
        for (int i = 0; i < 100; i++)
        {
            assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(i), "")));
        }
        assertTrue(handled.await(10, TimeUnit.SECONDS));
        assertTrue(dispatcher.drain(10_000));
        assertEquals(100, dispatcher.stats(Channel.A).delivered());
    }

    /** Parks a millisecond per idle call and counts the calls. */
    private static final class CountingIdle implements IdleStrategy
    {
        final AtomicInteger idles = new AtomicInteger();

        @Override
        public void idle(final int workCount)
        {
            if (workCount <= 0)
            {
                idle();
            }
        }

        @Override
        public void idle()
        {
            idles.incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }

        @Override
        public void reset()
        {
        }
    }
}
