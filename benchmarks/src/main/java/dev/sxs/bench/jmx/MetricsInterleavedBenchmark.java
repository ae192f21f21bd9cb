package dev.sxs.bench.jmx;

import dev.sxs.events.Channel;
import dev.sxs.events.DeliveryProbe;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.IdleMode;
import dev.sxs.events.OverflowPolicy;
import dev.sxs.events.Publication;
import dev.sxs.jmx.access.DispatcherChannels;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.KvStoreView;
import dev.sxs.jmx.metrics.SxsMetrics;
import dev.sxs.lang.IntValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dispatch throughput with the metrics' delivery probe off and on in <b>alternating</b> iterations of
 * one JVM, so both see the same machine load (this 2-core machine is shared and its load drifts more
 * than the effect measured). The metrics are registered and reported over JMX throughout; only the
 * probe, the one thing metrics add to the dispatch path, is switched. At the end of the trial it
 * prints {@code METRICS-OVERHEAD off=<median ev/s> on=<median ev/s> ratio=<on/off>} over the measured
 * iterations (warm-up iterations excluded). The JMH score itself mixes both and is not the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 30, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Xmx512m"})
public class MetricsInterleavedBenchmark
{
    static final int WARMUP_ITERATIONS = 4;

    private Dispatcher dispatcher;
    private SxsMetrics metrics;
    private DeliveryProbe probe;
    private final AtomicLong handled = new AtomicLong();
    private final List<Double> off = new ArrayList<>();
    private final List<Double> on = new ArrayList<>();
    private long published;
    private int iteration;
    private boolean probing;
    private long iterationStart;
    private long iterationPublished;

    @Setup(Level.Trial)
    public void setUp()
    {
        final DispatcherOptions options = DispatcherOptions.defaults()
            .withWorkers(1, IdleMode.BACKOFF, 1)
            .withQueue(1024, OverflowPolicy.BLOCK, 60_000);
        dispatcher = Dispatcher.start(options, null);
        dispatcher.subscribe(Channel.A, 1, e -> handled.lazySet(handled.get() + 1), 25L);
        metrics = new SxsMetrics();
        probe = metrics.deliveryProbe();
        metrics.watch(new DispatcherChannels(dispatcher), new KvStoreView(new dev.sxs.bench.jmx.EmptyStore()),
            MetricsOverheadBenchmark.NO_JOURNAL, dispatcher::lastSequence, EvaluationCounters.NONE);
        metrics.startReporting(ManagementFactory.getPlatformMBeanServer());
    }

    @Setup(Level.Iteration)
    public void startIteration()
    {
        iteration++;
        probing = iteration % 2 == 0;
        dispatcher.deliveryProbe(probing ? probe : null);
        iterationPublished = published;
        iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void endIteration()
    {
        final double rate = (published - iterationPublished) * 1e9 / (System.nanoTime() - iterationStart);
        if (iteration > WARMUP_ITERATIONS)
        {
            (probing ? on : off).add(rate);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        metrics.close();
        dispatcher.close();
        final double medianOff = median(off);
        final double medianOn = median(on);
        System.out.printf("%nMETRICS-OVERHEAD off=%.0f on=%.0f ratio=%.4f (medians of %d and %d alternating 1 s "
            + "iterations)%n",
            medianOff, medianOn, medianOn / medianOff, off.size(), on.size());
    }

    @Benchmark
    public void publish()
    {
        final long r = dispatcher.publish(Channel.A, 1, IntValue.of(published++), "");
        if (!Publication.isAccepted(r))
        {
            throw new IllegalStateException(Publication.describe(r));
        }
    }

    static double median(final List<Double> values)
    {
        final List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        final int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
