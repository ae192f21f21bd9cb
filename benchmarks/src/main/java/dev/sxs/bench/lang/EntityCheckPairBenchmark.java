package dev.sxs.bench.lang;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.sxs.lang.Binding;
import dev.sxs.lang.Body;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The checked and the plain command of {@link EntityCheckBenchmark} measured in the same JVM, runtime and
 * thread, one after the other in every invocation, the order swapped at each invocation: both see the same
 * JIT, dispatcher, garbage collector and machine load, so whatever slows one call (a worker hand-off, a full
 * channel, a pause) falls on either at random, and what differs between the two is the check. Each call is
 * timed with {@link System#nanoTime()} into its own HdrHistogram; the measured iterations' figures are printed
 * at the end of each fork as {@code ENTITY-PAIR op variant n= mean= p50= p90= p99= p99.9= max= over100us=}
 * (ns, the ~20 ns of a clock read included, equally in both; {@code over100us}: the calls slower than 100 us
 * and their share of the total time, which is what moves a mean). The JMH score is the time of one pair.
 * <p>
 * {@code op}: {@code get}, {@code set}, {@code pub} (channel A, queued for the dispatcher's workers, as
 * {@code pubChecked}) and {@code pubInline} (channel B, bound to a sink that completes each event on the
 * publisher's thread: the same publish without the hand-off to a worker and its back-pressure).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EntityCheckPair -f 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
public class EntityCheckPairBenchmark
{
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Calls slower than this are counted apart: descheduling, pauses, a publisher parked on a full channel. */
    private static final long SLOW_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    /** One operation's checked and plain bodies and the times of each. */
    @State(Scope.Thread)
    public static class Pair
    {
        @Param({"pub", "pubInline", "get", "set"})
        String op;
        Body checked;
        Body plain;
        final Histogram checkedTimes = new Histogram(MAX_NANOS, 3);
        final Histogram plainTimes = new Histogram(MAX_NANOS, 3);
        boolean measuring;
        boolean checkedFirst;

        @Setup(Level.Trial)
        public void open(final EntityCheckBenchmark.Runtime r)
        {
            switch (op)
            {
                case "get" ->
                {
                    checked = r.get;
                    plain = r.plainGet;
                }
                case "set" ->
                {
                    checked = r.set;
                    plain = r.plainSet;
                }
                case "pub" ->
                {
                    checked = r.pub;
                    plain = r.plainPub;
                }
                case "pubInline" ->
                {
                    checked = r.pubInline;
                    plain = r.plainPubInline;
                }
                default -> throw new IllegalArgumentException("op: " + op);
            }
        }

        @Setup(Level.Iteration)
        public void iteration(final IterationParams params)
        {
            measuring = params.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Trial)
        public void report()
        {
            System.out.println(line("checked", checkedTimes));
            System.out.println(line("plain", plainTimes));
        }

        private String line(final String variant, final Histogram h)
        {
            long slow = 0;
            double slowNanos = 0;
            for (final HistogramIterationValue v : h.recordedValues())
            {
                if (v.getValueIteratedTo() > SLOW_NANOS)
                {
                    final long count = v.getCountAtValueIteratedTo();
                    slow += count;
                    slowNanos += (double)h.medianEquivalentValue(v.getValueIteratedTo()) * count;
                }
            }
            final double total = h.getMean() * h.getTotalCount();
            return String.format(Locale.ROOT, "ENTITY-PAIR %s %s n=%d mean=%.0f p50=%d p90=%d p99=%d p99.9=%d max=%d"
                + " over100us=%d (%.0f%% of the time)", op, variant, h.getTotalCount(), h.getMean(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), slow, total == 0 ? 0 : 100 * slowNanos / total);
        }

        Value time(final Body body, final EntityCheckBenchmark.Worker w, final Histogram into, final int i,
            final EntityCheckBenchmark.Runtime r)
        {
            final long start = System.nanoTime();
            w.ctx.reset();
            w.ctx.bind(Binding.KEY, r.keys[i]);
            w.ctx.bind(Binding.DATA, IntValue.of(i));
            final Value v = body.run(w.ctx);
            final long took = System.nanoTime() - start;
            if (measuring)
            {
                into.recordValue(Math.min(took, MAX_NANOS));
            }
            return v;
        }
    }

    /**
     * One checked and one plain call of the pair's operation, in alternating order.
     *
     * @param r    the runtime.
     * @param w    the thread's context.
     * @param p    the pair and its times.
     * @param hole takes both answers.
     */
    @Benchmark
    public void interleaved(final EntityCheckBenchmark.Runtime r, final EntityCheckBenchmark.Worker w, final Pair p,
        final Blackhole hole)
    {
        final int i = ThreadLocalRandom.current().nextInt(EntityCheckBenchmark.KEYS);
        final boolean checkedFirst = !p.checkedFirst;
        p.checkedFirst = checkedFirst;
        if (checkedFirst)
        {
            hole.consume(p.time(p.checked, w, p.checkedTimes, i, r));
            hole.consume(p.time(p.plain, w, p.plainTimes, i, r));
        }
        else
        {
            hole.consume(p.time(p.plain, w, p.plainTimes, i, r));
            hole.consume(p.time(p.checked, w, p.checkedTimes, i, r));
        }
    }
}
