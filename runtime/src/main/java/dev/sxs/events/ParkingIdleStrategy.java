package dev.sxs.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.IdleStrategy;

/**
 * sxs's idle strategy for dispatch threads: spin for a short time after the last work, then park until a
 * publisher wakes the thread (with a long backstop park that bounds the cost of a lost wake-up). The
 * dispatcher's {@code backoff} (spins up to {@link #DEFAULT_SPIN_NANOS}) and {@code blocking} (no spin) modes.
 * <p>
 * Why the spin is a time and not a count of idle cycles: every park makes the next publisher pay an
 * {@code unpark} (a futex call) and the worker a wake-up that may wait for a core. A count of 20 idle cycles
 * (the earlier default) lasted about a microsecond, so a worker fed one event every few microseconds parked
 * after nearly every event: at 100k events/s on 2 loaded cores the 90th percentile of a publish call was 9.6-9.8 us
 * with it, 0.4 us with a worker still spinning ({@code docs/events.md}, "Costs").
 * Spinning {@value #DEFAULT_SPIN_NANOS} ns after the last work keeps a worker fed at 50k events/s or more awake,
 * and costs at most that much CPU per burst of work once events stop.
 * <p>
 * Why no yield phase and no short timed parks (the classic spin, yield, park ladder of Agrona's
 * {@link org.agrona.concurrent.BackoffIdleStrategy}): neither can be cut short by a publisher, and on a
 * busy machine a thread that keeps waking up on its own has used up its scheduler credit and waits in
 * the run queue when its event arrives. Measured at 100k events/s on 2 loaded cores: p50 of 0.3 to 4 ms
 * with yields and doubling parks, against 3 us when parked until woken (see {@code docs/events.md}).
 * <p>
 * Wake-up protocol (Dekker): before parking, the strategy raises {@link #isParked()} and then re-checks
 * its wake condition (the dispatcher installs "the partition has work or the dispatcher stops"); a
 * publisher offers its event (a full fence) and then reads the flag, and the first publisher to find it raised
 * lowers it and unparks the thread ({@link #claimWake()}). So either the thread sees the event, or a publisher
 * sees the flag; and one park costs one wake-up.
 * <p>
 * Threading: one instance per thread; {@link #isParked()} and {@link #parks()} may be read from any thread.
 * Allocation: none.
 */
public final class ParkingIdleStrategy implements IdleStrategy
{
    /** How long the {@code backoff} mode spins after the last work before it parks: 20 us. */
    public static final long DEFAULT_SPIN_NANOS = 20_000;
    /** Longest park; publishers wake the thread earlier. Bounds the cost of a lost wake-up. */
    public static final long DEFAULT_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final BooleanSupplier NEVER = () -> false;
    private static final long NOT_IDLE = Long.MIN_VALUE;

    private final long spinNanos;
    private final long maxParkNanos;
    /** When the current idle stretch began (nanoTime), or {@link #NOT_IDLE} after work. */
    private long idleSince = NOT_IDLE;
    private final AtomicBoolean parked = new AtomicBoolean();
    private final AtomicLong parks = new AtomicLong();
    private BooleanSupplier wakeCondition = NEVER;

    /** The {@code backoff} strategy: spin up to {@value #DEFAULT_SPIN_NANOS} ns, then park up to 50 ms until woken. */
    public ParkingIdleStrategy()
    {
        this(DEFAULT_SPIN_NANOS, DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * @param spinNanos    how long the thread spins after its last work before it parks (0: park at once).
     * @param maxParkNanos longest park when nobody wakes the thread, at least 1.
     */
    public ParkingIdleStrategy(final long spinNanos, final long maxParkNanos)
    {
        if (spinNanos < 0 || maxParkNanos < 1)
        {
            throw new IllegalArgumentException("spinNanos >= 0 and maxParkNanos >= 1: " + spinNanos + ", "
                + maxParkNanos);
        }
        this.spinNanos = spinNanos;
        this.maxParkNanos = maxParkNanos;
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

    /** @return true while the thread is parked or about to park and no publisher has claimed its wake-up yet. */
    public boolean isParked()
    {
        return parked.get();
    }

    /**
     * A publisher that has just offered an event asks whether it must unpark the thread: true for the first one
     * after the thread raised its flag, which lowers it, false for every other. One wake-up per park: on a loaded
     * machine a woken thread may wait long for a core, and publishers that kept unparking it meanwhile each paid
     * for it again (contending on the thread's park lock: tens of microseconds a call at load 20).
     *
     * @return true when the caller must unpark the thread.
     */
    public boolean claimWake()
    {
        return parked.get() && parked.compareAndSet(true, false);
    }

    /** @return how many times the thread has parked so far (ended by a publisher's wake-up or by the backstop). */
    public long parks()
    {
        return parks.get();
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
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
        if (spinNanos > 0)
        {
            final long now = System.nanoTime();
            if (idleSince == NOT_IDLE)
            {
                idleSince = now;
            }
            if (now - idleSince < spinNanos)
            {
                Thread.onSpinWait();
                return;
            }
        }
        parked.set(true);
        if (!wakeCondition.getAsBoolean())
        {
            // written by this thread only: no read-modify-write needed
            parks.lazySet(parks.get() + 1);
            LockSupport.parkNanos(this, maxParkNanos);
        }
        parked.set(false);
        idleSince = NOT_IDLE;
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
        return "ParkingIdleStrategy{spinNanos=" + spinNanos + ", maxParkNanos=" + maxParkNanos + "}";
    }
}
