package dev.sxs.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link OverflowPolicy#BLOCK}: the publisher waits for room, up to a timeout, then the publication is
 * refused with {@link Publication#QUEUE_FULL} (counted as rejected), or with {@link Publication#CLOSED}
 * when the dispatcher closes meanwhile.
 * <p>
 * The publisher parks; dispatch threads unpark waiting publishers when the channel is at most half full
 * again or when they run out of work (hysteresis: waking them for every freed unit would hand the core
 * back and forth once per event). Each park is bounded by {@link Dispatcher#DEFAULT_PARK_NANOS}, which
 * bounds the cost of a lost wake-up.
 * <p>
 * Threading: stateless, shared by all publishers. Allocation: none.
 */
public final class BlockingOverflowStrategy implements OverflowStrategy
{
    private final long timeoutNanos;

    /** @param timeoutMillis the longest wait for room, 0 or more. */
    public BlockingOverflowStrategy(final long timeoutMillis)
    {
        if (timeoutMillis < 0)
        {
            throw new IllegalArgumentException("timeoutMillis must be >= 0: " + timeoutMillis);
        }
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    @Override
    public long onFull(final FullChannel channel)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        final Thread me = Thread.currentThread();
        channel.addWaiter(me);
        try
        {
            while (!channel.tryReserve())
            {
                if (channel.isClosed())
                {
                    return Publication.CLOSED;
                }
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return channel.reject();
                }
                LockSupport.parkNanos(this, Math.min(left, Dispatcher.DEFAULT_PARK_NANOS));
            }
            return 0;
        }
        finally
        {
            channel.removeWaiter(me);
        }
    }

    @Override
    public String toString()
    {
        return "BlockingOverflowStrategy{timeoutMillis=" + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + "}";
    }
}
