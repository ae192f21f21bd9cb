package dev.sxs.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.IdleStrategy;

/**
 * sxs's idle strategy for dispatch threads: spin a few idle cycles, then park until a publisher wakes
 * the thread (with a long backstop park that bounds the cost of a lost wake-up). The dispatcher's
 * {@code backoff} ({@value #DEFAULT_SPINS} spins) and {@code blocking} (no spin) modes.
 * <p>
 * Why no yield phase and no short timed parks (the classic spin, yield, park ladder of Agrona's
 * {@link org.agrona.concurrent.BackoffIdleStrategy}): neither can be cut short by a publisher, and on a
 * busy machine a thread that keeps waking up on its own has used up its scheduler credit and waits in
 * the run queue when its event arrives. Measured at 100k events/s on 2 loaded cores: p50 of 0.3 to 4 ms
 * with yields and doubling parks, against 3 us when parked until woken (see {@code docs/events.md}).
 * <p>
 * Wake-up protocol (Dekker): before parking, the strategy raises {@link #isParked()} and then re-checks
 * its wake condition (the dispatcher installs "the partition has work or the dispatcher stops"); a
 * publisher offers its event (a full fence) and then reads the flag, unparking the thread when it is
 * raised. So either the thread sees the event, or the publisher sees the flag.
 * <p>
 * Threading: one instance per thread; {@link #isParked()} may be read from any thread. Allocation: none.
 */
public final class ParkingIdleStrategy implements IdleStrategy
{
    /** Idle cycles the {@code backoff} mode spins before it parks. */
    public static final int DEFAULT_SPINS = 20;
    /** Longest park; publishers wake the thread earlier. Bounds the cost of a lost wake-up. */
    public static final long DEFAULT_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final BooleanSupplier NEVER = () -> false;

    private final int spins;
    private final long maxParkNanos;
    private int spun;
    private volatile boolean parked;
    private BooleanSupplier wakeCondition = NEVER;

    /** The {@code backoff} strategy: {@value #DEFAULT_SPINS} spins, then park up to 50 ms until woken. */
    public ParkingIdleStrategy()
    {
        this(DEFAULT_SPINS, DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * @param spins        idle cycles spent spinning before the thread parks (0: park at once).
     * @param maxParkNanos longest park when nobody wakes the thread, at least 1.
     */
    public ParkingIdleStrategy(final int spins, final long maxParkNanos)
    {
        if (spins < 0 || maxParkNanos < 1)
        {
            throw new IllegalArgumentException("spins >= 0 and maxParkNanos >= 1: " + spins + ", " + maxParkNanos);
        }
        this.spins = spins;
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

    /** @return true while the thread is parked or about to park: a publisher must unpark it. */
    public boolean isParked()
    {
        return parked;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            spun = 0;
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (spun < spins)
        {
            spun++;
            Thread.onSpinWait();
            return;
        }
        parked = true;
        if (!wakeCondition.getAsBoolean())
        {
            LockSupport.parkNanos(this, maxParkNanos);
        }
        parked = false;
    }

    @Override
    public void reset()
    {
        spun = 0;
    }

    @Override
    public String alias()
    {
        return "parking";
    }

    @Override
    public String toString()
    {
        return "ParkingIdleStrategy{spins=" + spins + ", maxParkNanos=" + maxParkNanos + "}";
    }
}
