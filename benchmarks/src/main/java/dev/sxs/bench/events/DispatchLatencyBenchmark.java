package dev.sxs.bench.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Publish-to-handler latency at a fixed rate (default 100,000 events/s, as in the orientation figures
 * of the issue): each invocation publishes {@code events} events paced by a spinning publisher; the
 * handler records {@code nanoTime - publishTime} into an HdrHistogram. Percentiles of the measured
 * invocations are printed at the end of each trial as {@code LATENCY pipeline topics p50 p99 p99.9 max}
 * (microseconds). The JMH score itself is the time one invocation took.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Xmx512m"})
public class DispatchLatencyBenchmark
{
    @Param({"raw", "sxs-busy-spin", "sxs-backoff", "sxs-blocking", "executor"})
    public String pipeline;

    @Param({"1", "64"})
    public int topics;

    /** {@code off}, or {@code on}: a real Chronicle Queue journal appended before dispatch (sxs pipelines only). */
    @Param({"off"})
    public String journal;

    private JournalSetting journalSetting;

    @Param({"100000"})
    public int eventsPerSecond;

    @Param({"100000"})
    public int events;

    private Pipeline subject;
    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
    private final AtomicLong handled = new AtomicLong();
    private final Histogram total = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private int iteration;

    @Setup(Level.Trial)
    public void setUp()
    {
        journalSetting = new JournalSetting(journal);
        subject = Pipeline.create(pipeline, topics, sent ->
        {
            recorder.recordValue(Math.max(0, System.nanoTime() - sent));
            handled.incrementAndGet();
        }, journalSetting.hook());
    }

    @Setup(Level.Iteration)
    public void resetIteration()
    {
        recorder.reset();
    }

    @TearDown(Level.Iteration)
    public void collect(final IterationParams params)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.get() < (long)events * (iteration + 1) && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        final Histogram h = recorder.getIntervalHistogram();
        // keep only the measured iterations, not the warm-up ones
        if (params.getType() == IterationType.MEASUREMENT)
        {
            total.add(h);
        }
        iteration++;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        subject.close();
        journalSetting.close();
        System.out.printf("%nLATENCY %s topics=%d journal=%s rate=%d/s p50=%.2fus p99=%.2fus p99.9=%.2fus max=%.2fus "
            + "n=%d%n",
            pipeline, topics, journal, eventsPerSecond,
            total.getValueAtPercentile(50) / 1000.0, total.getValueAtPercentile(99) / 1000.0,
            total.getValueAtPercentile(99.9) / 1000.0, total.getMaxValue() / 1000.0, total.getTotalCount());
    }

    @Benchmark
    public void publishAtFixedRate()
    {
        final long interval = TimeUnit.SECONDS.toNanos(1) / eventsPerSecond;
        final long start = System.nanoTime();
        int topic = 0;
        for (int i = 0; i < events; i++)
        {
            final long due = start + i * interval;
            long now;
            while ((now = System.nanoTime()) < due)
            {
                Thread.onSpinWait();
            }
            subject.publish(topic, now);
            if (++topic == topics)
            {
                topic = 0;
            }
        }
    }
}
