package dev.sxs.jmx.metrics;

import com.codahale.metrics.Clock;
import com.codahale.metrics.EWMA;
import com.codahale.metrics.Meter;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A {@link Meter} whose count is an existing, monotonically growing counter of the runtime (read
 * through a {@link LongSupplier}), so the hot path pays nothing: rates are derived when the meter is
 * read. The 1/5/15-minute rates are Dropwizard's EWMAs, ticked every 5 seconds of elapsed time with
 * the counter's growth since the previous read (growth between reads counts in the first tick, as
 * in Dropwizard's own meter). {@link #mark} does nothing: the counter belongs to the runtime.
 * Thread-safe: reads are serialised.
 */
public final class CounterMeter extends Meter
{
    private static final long TICK_INTERVAL = TimeUnit.SECONDS.toNanos(5);

    private final LongSupplier counter;
    private final Clock clock;
    private final EWMA m1 = EWMA.oneMinuteEWMA();
    private final EWMA m5 = EWMA.fiveMinuteEWMA();
    private final EWMA m15 = EWMA.fifteenMinuteEWMA();
    private final long startTime;
    private final long startCount;
    private long lastTick;
    private long lastCount;

    /**
     * @param counter the runtime's counter.
     */
    public CounterMeter(final LongSupplier counter)
    {
        this(counter, Clock.defaultClock());
    }

    /**
     * @param counter the runtime's counter.
     * @param clock   the clock.
     */
    public CounterMeter(final LongSupplier counter, final Clock clock)
    {
        this.counter = counter;
        this.clock = clock;
        this.startTime = clock.getTick();
        this.lastTick = startTime;
        this.startCount = counter.getAsLong();
        this.lastCount = startCount;
    }

    /**
     * Ignored: the count follows the runtime's counter (so a {@link com.codahale.metrics.Timer} built
     * over this meter pays nothing for its rate).
     */
    @Override
    public void mark()
    {
    }

    /**
     * Ignored: the count follows the runtime's counter.
     *
     * @param n ignored.
     */
    @Override
    public void mark(final long n)
    {
    }

    @Override
    public long getCount()
    {
        return counter.getAsLong();
    }

    @Override
    public synchronized double getMeanRate()
    {
        final long elapsed = clock.getTick() - startTime;
        if (elapsed <= 0)
        {
            return 0.0;
        }
        return (counter.getAsLong() - startCount) / (double)elapsed * TimeUnit.SECONDS.toNanos(1);
    }

    @Override
    public synchronized double getOneMinuteRate()
    {
        tickIfNecessary();
        return m1.getRate(TimeUnit.SECONDS);
    }

    @Override
    public synchronized double getFiveMinuteRate()
    {
        tickIfNecessary();
        return m5.getRate(TimeUnit.SECONDS);
    }

    @Override
    public synchronized double getFifteenMinuteRate()
    {
        tickIfNecessary();
        return m15.getRate(TimeUnit.SECONDS);
    }

    private void tickIfNecessary()
    {
        final long now = clock.getTick();
        final long ticks = (now - lastTick) / TICK_INTERVAL;
        if (ticks <= 0)
        {
            return;
        }
        lastTick += ticks * TICK_INTERVAL;
        final long count = counter.getAsLong();
        final long delta = Math.max(0, count - lastCount);
        lastCount = count;
        for (final EWMA ewma : new EWMA[] {m1, m5, m15})
        {
            ewma.update(delta);
            for (long i = 0; i < ticks; i++)
            {
                ewma.tick();
            }
        }
    }
}
