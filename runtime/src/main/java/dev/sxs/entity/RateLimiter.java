package dev.sxs.entity;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} acquisitions in a sliding one-second window (0 = no limit). The second is kept as a
 * thousand one-millisecond steps, each counting the acquisitions made in it: one is granted when fewer than
 * {@code limit} fall in the last thousand steps, so an acquisition leaves the window between 999 and 1000 ms
 * after it was made, and no window of 999 ms ever holds more than {@code limit}. The memory is the same for
 * every limit (a thousand counters, made with the first limit), so any limit up to {@link Integer#MAX_VALUE}
 * is a number, never a buffer of its size. Changing the limit keeps the recent acquisitions, so 3 taken under
 * a limit of 5, then a limit of 10, leaves 7 more, and all of them count against a lower one; a limit of 0
 * frees at once and forgets them.
 * <p>
 * Threading: any thread; exact under concurrency (the counters are guarded by this object's monitor; without a
 * limit {@link #tryAcquire} reads one volatile field and takes no lock). Allocation: none, except the counters
 * at the first limit.
 */
public final class RateLimiter
{
    /** One step of the sliding second. */
    private static final long STEP_NANOS = 1_000_000L;
    /** Steps in the sliding second. */
    private static final int STEPS = 1000;

    private final LongSupplier nanoClock;
    private volatile int limit;
    /** Acquisitions per step, by step number modulo {@link #STEPS}; null until the first limit. */
    private int[] counts;
    /** The newest step counted in {@link #counts}. */
    private long step;
    /** The sum of {@link #counts}: the acquisitions in the window. */
    private int inWindow;

    /**
     * @param limit     acquisitions per second, 0 for none.
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime}; tests give their own).
     */
    public RateLimiter(final int limit, final LongSupplier nanoClock)
    {
        this.nanoClock = nanoClock;
        setLimit(limit);
    }

    /** @return the limit, 0 for none. */
    public int limit()
    {
        return limit;
    }

    /**
     * @param perSecond the new limit, 0 for none; acquisitions of the last second still count against it.
     */
    public synchronized void setLimit(final int perSecond)
    {
        if (perSecond < 0)
        {
            throw new IllegalArgumentException("rate must be >= 0");
        }
        if (perSecond == 0)
        {
            if (counts != null)
            {
                Arrays.fill(counts, 0);
            }
            inWindow = 0;
        }
        else if (counts == null)
        {
            counts = new int[STEPS];
        }
        limit = perSecond;
    }

    /** @return true when one more is allowed now (and it is counted), false when the window is full. */
    public boolean tryAcquire()
    {
        if (limit == 0)
        {
            return true;
        }
        synchronized (this)
        {
            final int max = limit;
            if (max == 0)
            {
                return true;
            }
            final long now = Math.floorDiv(nanoClock.getAsLong(), STEP_NANOS);
            slideTo(now);
            if (inWindow >= max)
            {
                return false;
            }
            counts[Math.floorMod(step, STEPS)]++;
            inWindow++;
            return true;
        }
    }

    /** Drop the steps that left the window by {@code now}; caller holds the monitor. */
    private void slideTo(final long now)
    {
        if (inWindow == 0)
        {
            step = now; // every counter is 0: nothing to drop
            return;
        }
        if (now <= step)
        {
            return; // the same step (a clock that never goes back keeps it there)
        }
        if (now - step >= STEPS)
        {
            Arrays.fill(counts, 0);
            inWindow = 0;
        }
        else
        {
            for (long s = step + 1; s <= now; s++)
            {
                final int slot = Math.floorMod(s, STEPS);
                inWindow -= counts[slot];
                counts[slot] = 0;
            }
        }
        step = now;
    }

    @Override
    public synchronized String toString()
    {
        return "RateLimiter{limit=" + limit + ", inWindow=" + inWindow + "}";
    }
}
