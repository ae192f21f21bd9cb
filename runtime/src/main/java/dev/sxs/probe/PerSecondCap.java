package dev.sxs.probe;

import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code cap} permits in each second of {@link System#nanoTime}: a probe's {@code cap} option. The second
 * and the permits taken in it share one atomic long (the second since this cap was made in the high bits, the
 * count in the low {@value #COUNT_BITS}), so moving to a new second and counting are one compare-and-set: a
 * second's count is never reset after another thread counted in it, and a thread whose clock reading is a little
 * older than another's (both read near a second's boundary) counts in the newer second instead of moving the
 * window back and resetting it. Both happened with a separate second and counter: 8 host threads at full speed got
 * 3,066 events through a cap of 1,000 a second in 2 s.
 * <p>
 * Threading: any number of threads, lock-free. A call over the cap only reads. Allocation: none.
 */
final class PerSecondCap
{
    private static final int COUNT_BITS = 31;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long cap;
    private final long origin;
    private final AtomicLong state = new AtomicLong();

    /**
     * @param cap    permits a second, at least 1 (above 2^31 - 1 it is that).
     * @param origin a {@link System#nanoTime} reading no later than any time given to {@link #tryAcquire}.
     */
    PerSecondCap(final long cap, final long origin)
    {
        this.cap = Math.min(cap, COUNT_MASK);
        this.origin = origin;
    }

    /**
     * @param now a {@link System#nanoTime} reading.
     * @return true when a permit was taken in the second of {@code now} (or in a later second already begun).
     */
    boolean tryAcquire(final long now)
    {
        final long second = (now - origin) / NANOS_PER_SECOND;
        while (true)
        {
            final long current = state.get();
            if (second > current >>> COUNT_BITS)
            {
                if (state.compareAndSet(current, second << COUNT_BITS | 1))
                {
                    return true;
                }
            }
            else if ((current & COUNT_MASK) >= cap)
            {
                return false;
            }
            else if (state.compareAndSet(current, current + 1))
            {
                return true;
            }
        }
    }
}
