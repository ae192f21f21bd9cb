package dev.sxs.bench.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
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
 * sxs's events side by side with the LMAX Disruptor and Chronicle Queue (issue 16): one producer (the
 * benchmark thread), one consumer thread, a handler that records the latency into an HdrHistogram, in
 * the same run. {@code bin/sxs bench events}.
 * <p>
 * Each invocation publishes a batch of events and returns when the handler has seen the last one. At a fixed
 * {@code rate} (events per second) the batch is {@code rate * seconds} events, each due at {@code start + i /
 * rate}; the publisher spins until an event is due and sends the due time, so the latency runs from the
 * intended send time and a publisher held back (a full queue, a descheduled thread) is charged to every late
 * event: no coordinated omission. At {@code rate = 0} (full speed) the batch is {@code fullSpeedEvents} sent
 * back to back, each stamped just before its publish call; the JMH score (ms per batch) gives the throughput.
 * <p>
 * At the end of each trial one line is printed: {@code EVENTS pipeline rate p50 p99 p99.9 max throughput}
 * (microseconds; events per second over the measured batches), and one {@code LATE} line: how many events were
 * handled more than 250 us after their due time and how many of those were due around a garbage collection
 * ({@link LateEvents}); at a fixed rate also a {@code CALL} line: the publisher's time per publish call (p50, p90,
 * p99, mean: where a parked consumer's wake-up is paid). Pipelines (see {@link Pipeline}):
 * {@code sxs-backoff} (the dispatcher as configured by default: one worker that parks until woken, journal
 * off), {@code sxs-backoff-journal} (the same with a Chronicle Queue journal appended before dispatch, as
 * an agent runs), {@code sxs-busy-spin} (the worker spins), {@code disruptor-blocking} and
 * {@code disruptor-busy-spin} (the Disruptor 4 with its default and its spinning wait strategy),
 * {@code queue-busy-spin} (Chronicle Queue append-to-tailer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Xmx1g"})
public class EventPeersBenchmark
{
    private static final String JOURNAL_SUFFIX = "-journal";
    private static final long HANDLED_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Param({"sxs-backoff", "sxs-backoff-journal", "sxs-busy-spin", "disruptor-blocking", "disruptor-busy-spin",
        "queue-busy-spin"})
    public String pipeline;

    /** Events per second, or 0: as fast as the pipeline takes them. */
    @Param({"100000", "0"})
    public int rate;

    /** Length of one fixed-rate batch. */
    @Param({"1"})
    public int seconds;

    /** Events of one full-speed batch. */
    @Param({"2000000"})
    public int fullSpeedEvents;

    /** Written by the consumer thread only; read by the benchmark thread once {@link #handled} covers a batch. */
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong handled = new AtomicLong();
    /** The publisher's time in one publish call at a fixed rate (a parked consumer's wake-up is paid there). */
    private final Histogram callTime = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private LateEvents lateEvents;
    private JournalSetting journal;
    private Pipeline subject;
    private long published;
    private long measuredEvents;
    private long measuredNanos;

    @Setup(Level.Trial)
    public void setUp()
    {
        final boolean journaled = pipeline.endsWith(JOURNAL_SUFFIX);
        journal = new JournalSetting(journaled ? "on" : "off");
        final String kind = journaled ? pipeline.substring(0, pipeline.length() - JOURNAL_SUFFIX.length()) : pipeline;
        final LateEvents late = new LateEvents();
        lateEvents = late;
        subject = Pipeline.create(kind, 1, sent ->
        {
            final long nanos = Math.max(0, System.nanoTime() - sent);
            latency.recordValue(nanos);
            late.handled(sent, nanos);
            handled.lazySet(handled.get() + 1);
        }, journal.hook());
    }

    @Benchmark
    public long publishBatch()
    {
        final long start = System.nanoTime();
        final int events = batchSize();
        if (rate > 0)
        {
            final long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < events; i++)
            {
                final long due = start + i * interval;
                while (System.nanoTime() < due)
                {
                    Thread.onSpinWait();
                }
                final long called = System.nanoTime();
                subject.publish(0, due);
                callTime.recordValue(System.nanoTime() - called);
            }
        }
        else
        {
            for (int i = 0; i < events; i++)
            {
                subject.publish(0, System.nanoTime());
            }
        }
        published += events;
        awaitHandled(published);
        final long elapsed = System.nanoTime() - start;
        measuredNanos += elapsed;
        return elapsed;
    }

    private int batchSize()
    {
        return rate > 0 ? rate * seconds : fullSpeedEvents;
    }

    private void awaitHandled(final long count)
    {
        final long deadline = System.nanoTime() + HANDLED_TIMEOUT_NANOS;
        while (handled.get() < count)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException(pipeline + ": handled " + handled.get() + " of " + count);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Keeps the measured batches only: a warm-up batch's latencies and time are dropped.
     *
     * @param params the iteration ending: warm-up or measurement.
     */
    @TearDown(Level.Iteration)
    public void collect(final IterationParams params)
    {
        if (params.getType() == IterationType.MEASUREMENT)
        {
            measuredEvents += batchSize();
        }
        else
        {
            latency.reset();
            callTime.reset();
            lateEvents.reset();
            measuredNanos = 0;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        subject.close();
        journal.close();
        System.out.printf("%nEVENTS %s rate=%s p50=%.2fus p99=%.2fus p99.9=%.2fus max=%.2fus throughput=%.3fM/s n=%d%n",
            pipeline, rate > 0 ? rate + "/s" : "full", latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
            latency.getMaxValue() / 1000.0, measuredEvents * 1000.0 / Math.max(1, measuredNanos),
            latency.getTotalCount());
        if (rate > 0)
        {
            System.out.printf("CALL %s publish call p50=%dns p90=%dns p99=%dns mean=%.0fns%n", pipeline,
                callTime.getValueAtPercentile(50), callTime.getValueAtPercentile(90),
                callTime.getValueAtPercentile(99), callTime.getMean());
        }
        System.out.println(lateEvents.summary(pipeline, latency.getTotalCount()));
        lateEvents.close();
    }
}
