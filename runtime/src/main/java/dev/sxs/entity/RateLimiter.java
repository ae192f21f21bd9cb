package dev.sxs.entity;

import java.util.function.LongSupplier;

/**
 * At most {@code limit} acquisitions in any sliding one-second window (0 = no limit). It keeps the times of
 * the acquisitions still inside the window in a ring as long as the limit: one is granted when fewer than
 * {@code limit} fall in the last second. Changing the limit keeps the recent acquisitions, so 3 taken under a
 * limit of 5, then a limit of 10, leaves 7 more; a limit of 0 frees at once.
 * <p>
 * Threading: any thread; exact under concurrency (the ring is guarded by this object's monitor; without a
 * limit {@link #tryAcquire} reads one volatile field and takes no lock). Allocation: none, except the ring on a
 * limit change.
 */
public final class RateLimiter
{
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final LongSupplier nanoClock;
    private volatile int limit;
    private long[] ring = new long[0];
    private int head;
    private int count;

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
        final int keep = Math.min(count, perSecond);
        final long[] next = new long[perSecond];
        for (int i = 0; i < keep; i++)
        {
            next[i] = ring[(head + count - keep + i) % ring.length];
        }
        ring = next;
        head = 0;
        count = keep;
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
            final long[] times = ring;
            if (times.length == 0)
            {
                return true;
            }
            final long now = nanoClock.getAsLong();
            while (count > 0 && now - times[head] >= WINDOW_NANOS)
            {
                head = (head + 1) % times.length;
                count--;
            }
            if (count == times.length)
            {
                return false;
            }
            times[(head + count) % times.length] = now;
            count++;
            return true;
        }
    }

    @Override
    public synchronized String toString()
    {
        return "RateLimiter{limit=" + limit + ", inWindow=" + count + "}";
    }
}
