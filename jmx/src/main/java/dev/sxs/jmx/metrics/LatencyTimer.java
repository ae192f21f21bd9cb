package dev.sxs.jmx.metrics;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;

/**
 * A Dropwizard {@link Timer} for sampled latencies, as cheap to record as possible: values go into an
 * {@link HdrHistogramReservoir} (wait-free) and a {@link java.util.concurrent.atomic.LongAdder} count;
 * its rate is derived from that count when read, so recording reads no clock and ticks no EWMA (a
 * plain Dropwizard timer marks a meter on every update). Thread-safe.
 */
public final class LatencyTimer extends Timer
{
    /**
     * @return a new timer.
     */
    public static LatencyTimer create()
    {
        final Histogram histogram = new Histogram(new HdrHistogramReservoir());
        return new LatencyTimer(histogram);
    }

    private LatencyTimer(final Histogram histogram)
    {
        super(new CounterMeter(histogram::getCount), histogram, Clock.defaultClock());
    }
}
