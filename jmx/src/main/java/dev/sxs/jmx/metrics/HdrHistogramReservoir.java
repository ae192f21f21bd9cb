package dev.sxs.jmx.metrics;

import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A Dropwizard {@link Reservoir} over an HdrHistogram {@link Recorder}: recording is wait-free and
 * allocation-free (3 significant digits, values up to {@link #DEFAULT_HIGHEST_VALUE}), so a worker
 * thread can record without locks. A snapshot covers the values recorded in the current window
 * ({@link #DEFAULT_WINDOW_NANOS}, then it starts again), so percentiles follow recent behaviour.
 * Thread-safe: any number of recording threads; snapshots are serialised.
 */
public final class HdrHistogramReservoir implements Reservoir
{
    /** Highest value tracked: one minute in nanoseconds (larger values are clamped). */
    public static final long DEFAULT_HIGHEST_VALUE = TimeUnit.MINUTES.toNanos(1);
    /** Length of the window a snapshot covers. */
    public static final long DEFAULT_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Recorder recorder = new Recorder(DEFAULT_HIGHEST_VALUE, 3);
    private final Histogram window = new Histogram(DEFAULT_HIGHEST_VALUE, 3);
    private Histogram interval;
    private long windowStart = System.nanoTime();

    @Override
    public int size()
    {
        return getSnapshot().size();
    }

    @Override
    public void update(final long value)
    {
        recorder.recordValue(Math.max(0, Math.min(value, DEFAULT_HIGHEST_VALUE)));
    }

    @Override
    public synchronized Snapshot getSnapshot()
    {
        final long now = System.nanoTime();
        if (now - windowStart > DEFAULT_WINDOW_NANOS)
        {
            window.reset();
            windowStart = now;
        }
        interval = recorder.getIntervalHistogram(interval);
        window.add(interval);
        return new HistogramSnapshot(window.copy());
    }

    private static final class HistogramSnapshot extends Snapshot
    {
        /** {@link #getValues()} returns at most this many (the lowest), to bound its allocation. */
        private static final int MAX_VALUES = 1 << 16;

        private final Histogram histogram;

        HistogramSnapshot(final Histogram histogram)
        {
            this.histogram = histogram;
        }

        @Override
        public double getValue(final double quantile)
        {
            return histogram.getValueAtPercentile(quantile * 100.0);
        }

        @Override
        public long[] getValues()
        {
            final long[] values = new long[(int)Math.min(MAX_VALUES, histogram.getTotalCount())];
            int i = 0;
            for (final var v : histogram.recordedValues())
            {
                for (long n = 0; n < v.getCountAtValueIteratedTo() && i < values.length; n++)
                {
                    values[i++] = v.getValueIteratedTo();
                }
            }
            return values;
        }

        @Override
        public int size()
        {
            return (int)Math.min(Integer.MAX_VALUE, histogram.getTotalCount());
        }

        @Override
        public long getMax()
        {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue();
        }

        @Override
        public double getMean()
        {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getMean();
        }

        @Override
        public long getMin()
        {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getMinValue();
        }

        @Override
        public double getStdDev()
        {
            return histogram.getTotalCount() == 0 ? 0 : histogram.getStdDeviation();
        }

        @Override
        public void dump(final OutputStream output)
        {
            try (PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(output, StandardCharsets.UTF_8)))
            {
                for (final long v : getValues())
                {
                    out.printf("%d%n", v);
                }
            }
        }
    }
}
