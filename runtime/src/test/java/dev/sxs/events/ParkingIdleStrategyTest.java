package dev.sxs.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

/**
 * The idle strategy of a parking worker spins for a time after its last work, not for a count of idle cycles,
 * so a worker fed an event every few microseconds stays awake and its publishers pay no wake-up; once the time
 * has passed it parks, and work restarts the spin. One park costs one wake-up: only the first publisher to find
 * the thread parked unparks it. While offered events arrive it parks short, without a spin after offers only, and
 * an offer leaves a short park alone; a live publish wakes it; after the offers' window it parks long again.
 */
class ParkingIdleStrategyTest
{
    private static final long LONG_PARK = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.SECONDS.toNanos(60);

    @Test
    void shouldNotParkWhileItsSpinTimeLasts()
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(TimeUnit.SECONDS.toNanos(30), LONG_PARK);
        idle.idle(1);
        // far more idle cycles than a count-based spin allows; the strategy must still be spinning
        for (int i = 0; i < 100_000; i++)
        {
            idle.idle(0);
        }
        assertEquals(0, idle.parks());
        assertFalse(idle.isParked());
    }

    @Test
    void shouldParkOnceItsSpinTimeHasPassed()
    {
        final long spin = TimeUnit.MILLISECONDS.toNanos(2);
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(spin, LONG_PARK);
        idle.idle(1);
        final long start = System.nanoTime();
        while (idle.parks() == 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10))
        {
            idle.idle(0);
        }
        assertEquals(1, idle.parks());
        assertTrue(System.nanoTime() - start >= spin, "spun for its whole time first");
    }

    @Test
    void shouldSpinAgainAfterWork()
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(TimeUnit.SECONDS.toNanos(30), LONG_PARK);
        idle.idle(0);
        idle.idle(1);
        idle.reset();
        for (int i = 0; i < 1_000; i++)
        {
            idle.idle(0);
        }
        assertEquals(0, idle.parks());
    }

    @Test
    void shouldParkAtOnceWithoutSpinTime()
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, LONG_PARK);
        idle.idle(0);
        idle.idle(0);
        assertEquals(2, idle.parks());
    }

    @Test
    void shouldNotParkWhenItsWakeConditionHolds()
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, TimeUnit.SECONDS.toNanos(60));
        idle.wakeCondition(() -> true);
        idle.idle(0);
        assertEquals(0, idle.parks());
    }

    @Test
    void shouldLetOnlyTheFirstPublisherClaimTheWakeUpOfAParkedThread() throws Exception
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, TimeUnit.SECONDS.toNanos(60));
        final Thread worker = new Thread(() -> idle.idle(0), "parking-test");
        worker.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!idle.isParked() && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertTrue(idle.isParked(), "the idle thread parks");
        assertTrue(idle.claimWake(), "the first publisher wakes it");
        assertFalse(idle.claimWake(), "a second publisher leaves it to the first");
        assertFalse(idle.isParked());
        LockSupport.unpark(worker);
        worker.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(worker.isAlive());
        assertEquals(1, idle.parks());
    }

    @Test
    void shouldParkShortWithoutSpinningAfterWorkOfOffersOnly()
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(TimeUnit.SECONDS.toNanos(30), LONG_PARK,
            LONG_PARK, MINUTE);
        idle.offerHandled();
        idle.idle(1);
        idle.idle(0);
        assertEquals(1, idle.parks(), "no spin after offers only");
        assertEquals(1, idle.shortParks());
    }

    @Test
    void shouldSpinAfterWorkThatWasNotAllOffered()
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(TimeUnit.SECONDS.toNanos(30), LONG_PARK,
            LONG_PARK, MINUTE);
        idle.offerHandled();
        idle.idle(2);
        for (int i = 0; i < 1_000; i++)
        {
            idle.idle(0);
        }
        assertEquals(0, idle.parks(), "a live event in the work: the spin as always");
    }

    @Test
    void shouldNotLetAnOfferClaimAShortParkThatEndsByItself() throws Exception
    {
        final long shortPark = TimeUnit.MILLISECONDS.toNanos(200);
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, MINUTE, shortPark, MINUTE);
        final Thread worker = new Thread(() ->
        {
            idle.offerHandled();
            idle.idle(1);
            idle.idle(0);
        }, "parking-test");
        final long start = System.nanoTime();
        worker.start();
        awaitParked(idle);
        assertFalse(idle.claimOfferWake(), "an offer leaves a short park alone");
        assertTrue(idle.isParked());
        worker.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(worker.isAlive(), "the short park ended by itself");
        assertTrue(System.nanoTime() - start < MINUTE / 2, "well before the long park would have");
        assertEquals(1, idle.shortParks());
    }

    @Test
    void shouldLetAnOfferClaimALongPark() throws Exception
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, MINUTE, MINUTE, MINUTE);
        final Thread worker = new Thread(() ->
        {
            idle.idle(1);
            idle.idle(0);
        }, "parking-test");
        worker.start();
        awaitParked(idle);
        assertTrue(idle.claimOfferWake(), "no offer came before: the park is long and the offer wakes it");
        assertFalse(idle.claimWake());
        LockSupport.unpark(worker);
        worker.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(worker.isAlive());
        assertEquals(0, idle.shortParks());
    }

    @Test
    void shouldLetALivePublishClaimAShortPark() throws Exception
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, MINUTE, MINUTE, MINUTE);
        final Thread worker = new Thread(() ->
        {
            idle.offerHandled();
            idle.idle(1);
            idle.idle(0);
        }, "parking-test");
        worker.start();
        awaitParked(idle);
        assertFalse(idle.claimOfferWake());
        assertTrue(idle.claimWake(), "a live publish wakes a short park too");
        LockSupport.unpark(worker);
        worker.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(worker.isAlive());
        assertEquals(1, idle.shortParks());
    }

    @Test
    void shouldParkLongAgainOnceTheOffersWindowHasPassed()
    {
        final long window = TimeUnit.MILLISECONDS.toNanos(50);
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, LONG_PARK, LONG_PARK, window);
        idle.offerHandled();
        idle.idle(1);
        final long start = System.nanoTime();
        idle.idle(0);
        assertEquals(1, idle.shortParks(), "within the window: a short park");
        while (System.nanoTime() - start < 2 * window)
        {
            idle.idle(0);
        }
        final long shortParks = idle.shortParks();
        final long parks = idle.parks();
        for (int i = 0; i < 3; i++)
        {
            idle.idle(0);
        }
        assertEquals(shortParks, idle.shortParks(), "after the window: no short park");
        assertEquals(parks + 3, idle.parks());
    }

    @Test
    void shouldNeverParkShortWithoutShortParks()
    {
        final ParkingIdleStrategy idle = new ParkingIdleStrategy(0, LONG_PARK);
        idle.offerHandled();
        idle.idle(1);
        idle.idle(0);
        assertEquals(1, idle.parks());
        assertEquals(0, idle.shortParks(), "blocking: every park is long, offers wake it");
    }

    private static void awaitParked(final ParkingIdleStrategy idle)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!idle.isParked() && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertTrue(idle.isParked(), "the idle thread parks");
    }
}
