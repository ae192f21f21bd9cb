package dev.sxs.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.IdleStrategy;

/**
 * sxs's idle strategy for dispatch threads: spin for a short time after the last work, then park until a
 * publisher wakes the thread (with a long backstop park that bounds the cost of a lost wake-up); while offered
 * events (a probe's, on a host thread) keep arriving, park for a short time only and let offers leave the
 * wake-up to the thread. The dispatcher's {@code backoff} (spins up to {@link #DEFAULT_SPIN_NANOS}, short parks)
 * and {@code blocking} (no spin, no short parks) modes.
 * <p>
 * Why the spin is a time and not a count of idle cycles: every park makes the next publisher pay an
 * {@code unpark} (a futex call) and the worker a wake-up that may wait for a core. A count of 20 idle cycles
 * (the earlier default) lasted about a microsecond, so a worker fed one event every few microseconds parked
 * after nearly every event: at 100k events/s on 2 loaded cores the 90th percentile of a publish call was 9.6-9.8 us
 * with it, 0.4 us with a worker still spinning ({@code docs/events.md}, "Costs").
 * Spinning {@value #DEFAULT_SPIN_NANOS} ns after the last work keeps a worker fed at 50k events/s or more awake,
 * and costs at most that much CPU per burst of work once events stop.
 * <p>
 * Why no yield phase and no short timed parks for live publishes (the classic spin, yield, park ladder of
 * Agrona's {@link org.agrona.concurrent.BackoffIdleStrategy}): neither can be cut short by a publisher, and on a
 * busy machine a thread that keeps waking up on its own has used up its scheduler credit and waits in
 * the run queue when its event arrives. Measured at 100k events/s on 2 loaded cores: p50 of 0.3 to 4 ms
 * with yields and doubling parks, against 3 us when parked until woken (see {@code docs/events.md}).
 * <p>
 * Offers are different: the host thread that offers must not pay an {@code unpark} (microseconds on a loaded
 * machine), and a probe's event may wait a little. After a stretch of work that handled an offered event
 * ({@link #offerHandled()}) the thread notes the time; for {@code offerWindowNanos} after it, it parks for
 * {@code shortParkNanos} at a time instead of until woken, and after a stretch of offered events only it parks
 * at once, without the spin, so it takes the offers in batches and leaves the offering thread's cache lines
 * alone. An offer that finds it in a short park does not wake it ({@link #claimOfferWake()}): the event waits
 * for the end of that park at most. Work that was not all offered (a live publish, a release) spins afterwards
 * as before, and a live publish wakes a short park too ({@link #claimWake()}). Once offers stop, the short
 * parks end with the window and the thread parks until woken again.
 * <p>
 * Wake-up protocol (Dekker): before parking, the strategy raises its park state (short or long) and then
 * re-checks its wake condition (the dispatcher installs "the partition has work or the dispatcher stops"); a
 * publisher offers its event (a full fence) and then reads the state, and the first publisher to find it raised
 * (a long park, for an offer) lowers it and unparks the thread. So either the thread sees the event, or a
 * publisher sees the state, or the event waits for the end of a short park; and one park costs one wake-up.
 * <p>
 * Threading: one instance per thread; {@link #isParked()}, {@link #parks()} and {@link #shortParks()} may be
 * read, and the claims made, from any thread. Allocation: none.
 */
public final class ParkingIdleStrategy implements IdleStrategy
{
    /** How long the {@code backoff} mode spins after the last work before it parks: 20 us. */
    public static final long DEFAULT_SPIN_NANOS = 20_000;
    /** Longest park; publishers wake the thread earlier. Bounds the cost of a lost wake-up. */
    public static final long DEFAULT_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The {@code backoff} mode's short park while offers arrive: 100 us, the longest an offered event waits. */
    public static final long DEFAULT_SHORT_PARK_NANOS = 100_000;
    /** How long after the last offered event the {@code backoff} mode parks short: 10 ms. */
    public static final long DEFAULT_OFFER_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final BooleanSupplier NEVER = () -> false;
    private static final long NOT_IDLE = Long.MIN_VALUE;
    private static final int RUNNING = 0;
    private static final int SHORT_PARK = 1;
    private static final int LONG_PARK = 2;

    private final long spinNanos;
    private final long maxParkNanos;
    private final long shortParkNanos;
    private final long offerWindowNanos;
    /** When the current idle stretch began (nanoTime), or {@link #NOT_IDLE} after work. */
    private long idleSince = NOT_IDLE;
    /** Whether the current idle stretch spins first: the work before it was not all offered events. */
    private boolean spinFirst;
    /** Offered events handled in the current duty cycle (the agent counts them as it handles them). */
    private int offeredInCycle;
    /** Whether the work since the last idle stretch included an offered event, and any other work. */
    private boolean offeredWork;
    private boolean otherWork;
    /** When the last stretch of work with an offered event ended (nanoTime); valid when {@link #offersSeen}. */
    private long lastOfferNanos;
    private boolean offersSeen;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final AtomicLong parks = new AtomicLong();
    private final AtomicLong shortParks = new AtomicLong();
    private BooleanSupplier wakeCondition = NEVER;

    /**
     * The {@code backoff} strategy: spin up to {@value #DEFAULT_SPIN_NANOS} ns, then park up to 50 ms until woken;
     * while offers arrive (10 ms after the last), park {@value #DEFAULT_SHORT_PARK_NANOS} ns at a time.
     */
    public ParkingIdleStrategy()
    {
        this(DEFAULT_SPIN_NANOS, DEFAULT_MAX_PARK_NANOS, DEFAULT_SHORT_PARK_NANOS, DEFAULT_OFFER_WINDOW_NANOS);
    }

    /**
     * A strategy without short parks: every park lasts until a publisher, offering or not, wakes the thread.
     *
     * @param spinNanos    how long the thread spins after its last work before it parks (0: park at once).
     * @param maxParkNanos longest park when nobody wakes the thread, at least 1.
     */
    public ParkingIdleStrategy(final long spinNanos, final long maxParkNanos)
    {
        this(spinNanos, maxParkNanos, 0, 0);
    }

    /**
     * @param spinNanos        how long the thread spins after its last work before it parks (0: park at once).
     * @param maxParkNanos     longest park when nobody wakes the thread, at least 1.
     * @param shortParkNanos   the park while offers arrive, the longest an offered event waits for the thread
     *                         (0: no short parks; every offer may wake the thread).
     * @param offerWindowNanos how long after the last offered event the thread parks short (0: never).
     */
    public ParkingIdleStrategy(final long spinNanos, final long maxParkNanos, final long shortParkNanos,
        final long offerWindowNanos)
    {
        if (spinNanos < 0 || maxParkNanos < 1 || shortParkNanos < 0 || offerWindowNanos < 0)
        {
            throw new IllegalArgumentException("spinNanos >= 0, maxParkNanos >= 1, shortParkNanos >= 0 and "
                + "offerWindowNanos >= 0: " + spinNanos + ", " + maxParkNanos + ", " + shortParkNanos + ", "
                + offerWindowNanos);
        }
        this.spinNanos = spinNanos;
        this.maxParkNanos = maxParkNanos;
        this.shortParkNanos = shortParkNanos;
        this.offerWindowNanos = shortParkNanos == 0 ? 0 : offerWindowNanos;
    }

    /**
     * Install the condition re-checked after the flag is raised and before the thread parks; the
     * dispatcher does this when it starts the thread. Call before the strategy is used.
     *
     * @param condition true when work arrived (or the thread must stop): then the thread does not park.
     */
    void wakeCondition(final BooleanSupplier condition)
    {
        this.wakeCondition = condition;
    }

    /** The thread handled an offered event in this duty cycle (its own thread only; a plain increment). */
    void offerHandled()
    {
        offeredInCycle++;
    }

    /** @return true while the thread is parked (short or long) or about to, and no publisher claimed it yet. */
    public boolean isParked()
    {
        return state.get() != RUNNING;
    }

    /**
     * A live publisher that has just queued an event asks whether it must unpark the thread: true for the first one
     * after the thread raised its state (short park or long), which lowers it, false for every other. One wake-up
     * per park: on a loaded machine a woken thread may wait long for a core, and publishers that kept unparking it
     * meanwhile each paid for it again (contending on the thread's park lock: tens of microseconds a call at load 20).
     *
     * @return true when the caller must unpark the thread.
     */
    public boolean claimWake()
    {
        final int s = state.get();
        return s != RUNNING && state.compareAndSet(s, RUNNING);
    }

    /**
     * An offering publisher that has just queued an event asks whether it must unpark the thread: as
     * {@link #claimWake()} for a long park; false for a short park, which the thread ends by itself soon.
     *
     * @return true when the caller must unpark the thread.
     */
    public boolean claimOfferWake()
    {
        return state.get() == LONG_PARK && state.compareAndSet(LONG_PARK, RUNNING);
    }

    /** @return how many times the thread has parked so far, short parks included. */
    public long parks()
    {
        return parks.get();
    }

    /** @return how many of {@link #parks()} were short parks (while offers arrived). */
    public long shortParks()
    {
        return shortParks.get();
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            offeredWork |= offeredInCycle > 0;
            otherWork |= workCount > offeredInCycle;
            offeredInCycle = 0;
            idleSince = NOT_IDLE;
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        final long now = System.nanoTime();
        if (idleSince == NOT_IDLE)
        {
            beginIdle(now);
        }
        if (spinFirst && now - idleSince < spinNanos)
        {
            Thread.onSpinWait();
            return;
        }
        final boolean parkShort = offersSeen && now - lastOfferNanos < offerWindowNanos;
        state.set(parkShort ? SHORT_PARK : LONG_PARK);
        if (!wakeCondition.getAsBoolean())
        {
            // written by this thread only: no read-modify-write needed
            parks.lazySet(parks.get() + 1);
            if (parkShort)
            {
                shortParks.lazySet(shortParks.get() + 1);
            }
            LockSupport.parkNanos(this, parkShort ? shortParkNanos : maxParkNanos);
        }
        state.set(RUNNING);
        // a park without work in between does not spin again: the spin follows work only
        spinFirst = false;
    }

    /** An idle stretch begins: note when the offers' work ended, and whether to spin first. */
    private void beginIdle(final long now)
    {
        idleSince = now;
        if (offeredWork && offerWindowNanos > 0)
        {
            lastOfferNanos = now;
            offersSeen = true;
        }
        // work of offered events only does not spin; any other work (or none known: a reset) spins as always
        spinFirst = spinNanos > 0 && (otherWork || !offeredWork || offerWindowNanos == 0);
        offeredWork = false;
        otherWork = false;
        offeredInCycle = 0;
    }

    @Override
    public void reset()
    {
        idleSince = NOT_IDLE;
    }

    @Override
    public String alias()
    {
        return "parking";
    }

    @Override
    public String toString()
    {
        return "ParkingIdleStrategy{spinNanos=" + spinNanos + ", maxParkNanos=" + maxParkNanos + ", shortParkNanos="
            + shortParkNanos + ", offerWindowNanos=" + offerWindowNanos + "}";
    }
}
