package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.sxs.concurrent.SxsThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An offer (a probe's event, on a host thread) leaves the wake-up of a worker in a short park to the worker:
 * while offers keep coming, the worker parks for a short time only and finds the event itself, so the host
 * thread pays no {@code unpark}; the event is still handled, within the short park. A live publish still wakes
 * the worker at once, short park or not.
 */
class OfferWakeUpTest
{
    private static final int OFFERS = 20;
    private static final long WAIT_SECONDS = 10;

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
    void shouldLeaveTheWakeUpToTheWorkerWhenOffersArrive() throws Exception
    {
        final ParkingIdleStrategy parking = new ParkingIdleStrategy();
        final Semaphore handled = start(parking);
        int leftParked = 0;
        for (int i = 0; i < OFFERS; i++)
        {
            assertTrue(eventually(parking::isParked), "the worker parks between offers");
            assertTrue(Publication.isAccepted(dispatcher.offer(Channel.A, 1, num(i), "")));
            // read at once on the offering thread: an offer that claimed the wake-up lowered the flag itself
            leftParked += parking.isParked() ? 1 : 0;
            assertTrue(handled.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "offer " + i + " is handled");
        }
        // the first offer finds a long park (no offer came before it) and wakes it; most later ones find a short
        // park and leave it (the worker can be between two short parks when an offer reads its flag)
        assertTrue(leftParked >= OFFERS / 2, "offers that left the worker parked: " + leftParked + " of " + OFFERS);
    }

    @Test
    void shouldHandleAnOfferWithinTheShortParkWithoutAWakeUp() throws Exception
    {
        // a long park of a minute: only the short park's own end can deliver the second offer in time
        final ParkingIdleStrategy parking = new ParkingIdleStrategy(0, TimeUnit.SECONDS.toNanos(60),
            TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.SECONDS.toNanos(60));
        final Semaphore handled = start(parking);
        assertTrue(eventually(parking::isParked));
        assertTrue(Publication.isAccepted(dispatcher.offer(Channel.A, 1, num(1), "")));
        assertTrue(handled.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "the first offer wakes the long park");
        assertTrue(eventually(() -> parking.isParked() && parking.shortParks() > 0), "then the worker parks short");
        final long start = System.nanoTime();
        assertTrue(Publication.isAccepted(dispatcher.offer(Channel.A, 1, num(2), "")));
        assertTrue(parking.isParked(), "the offer left the short park alone");
        assertTrue(handled.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "the second offer is handled");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
    }

    @Test
    void shouldWakeAWorkerInAShortParkForALivePublish() throws Exception
    {
        // short parks of a minute: only a wake-up delivers the publish within the test's wait
        final ParkingIdleStrategy parking = new ParkingIdleStrategy(0, TimeUnit.SECONDS.toNanos(60),
            TimeUnit.SECONDS.toNanos(60), TimeUnit.SECONDS.toNanos(60));
        final Semaphore handled = start(parking);
        assertTrue(eventually(parking::isParked));
        assertTrue(Publication.isAccepted(dispatcher.offer(Channel.A, 1, num(1), "")));
        assertTrue(handled.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(eventually(() -> parking.isParked() && parking.shortParks() > 0), "the worker parks short");
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(2), "")));
        assertTrue(handled.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "the live publish woke the worker");
    }

    /** One worker on {@code parking}, a handler on A 1 that releases a permit per event. */
    private Semaphore start(final ParkingIdleStrategy parking)
    {
        final DispatcherOptions options = options(1, 1000, OverflowPolicy.ERROR, 1000);
        dispatcher = Dispatcher.start(options, null, SxsThreadFactory.create(),
            DispatcherStrategies.from(options).withWorkerIdle(worker -> parking));
        final Semaphore handled = new Semaphore(0);
        dispatcher.subscribe(Channel.A, 1, e -> handled.release(), 1L);
        return handled;
    }

    private static boolean eventually(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
