package dev.sxs.bench.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

/**
 * Sustained publish-to-handler throughput: one publisher thread publishing as fast as the pipeline
 * accepts (a full queue blocks it), one consumer, a no-op Java handler that counts. One topic, or 64
 * topics round-robin. Baselines in the same run: {@code executor} and the {@code raw} Agrona floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 2, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Xmx512m"})
public class DispatchThroughputBenchmark
{
    @Param({"raw", "sxs-busy-spin", "sxs-backoff", "sxs-blocking", "executor"})
    public String pipeline;

    @Param({"1", "64"})
    public int topics;

    /** {@code off}, or {@code on}: a real Chronicle Queue journal appended before dispatch (sxs pipelines only). */
    @Param({"off"})
    public String journal;

    private JournalSetting journalSetting;

    private Pipeline subject;
    private final AtomicLong handled = new AtomicLong();
    private long published;
    private int topic;

    @Setup(Level.Trial)
    public void setUp()
    {
        journalSetting = new JournalSetting(journal);
        subject = Pipeline.create(pipeline, topics, v -> handled.lazySet(handled.get() + 1), journalSetting.hook());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        subject.close();
        journalSetting.close();
        if (handled.get() != published)
        {
            throw new IllegalStateException("handled " + handled.get() + " of " + published);
        }
    }

    @Benchmark
    public void publish()
    {
        subject.publish(topic, published++);
        if (++topic == topics)
        {
            topic = 0;
        }
    }
}
