package dev.sxs.bench.events;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.StrValue;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A host thread's loop throughput while sxs weathers an event storm, against the same loop beside an idle
 * runtime (issue 9 section 3). One JMH thread (the "host thread") runs a fixed CPU loop; with
 * {@code storm=on} a driver thread keeps publishing the storm root on channel A, whose handler
 * publishes what it handles ({@code (core/kv/incr loops) (core/event/pub $CHANNEL_A 1 $data)}), each
 * chain ending at {@code events.maxDepth}; the journal is on, in a temporary folder. The ratio of the two
 * scores is the host's loss; each trial prints {@code STORM storm=.. events=.. loadavg=..}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Xmx512m"})
public class HostThreadDuringStormBenchmark
{
    /** Iterations of the host's CPU loop per operation. */
    private static final int LOOP = 100_000;

    /** {@code off}: an idle runtime; {@code on}: storms run back to back. */
    @Param({"off", "on"})
    public String storm;

    private Path folder;
    private SxsRuntime runtime;
    private Thread driver;
    private volatile boolean running;
    private long seed = 17;

    @Setup(Level.Trial)
    public void start() throws Exception
    {
        folder = Files.createTempDirectory("sxs-storm-bench");
        runtime = SxsRuntime.start(Config.parse(Map.of("data", folder.toString(), "kv.entries", "10000")),
            LogSink.NONE);
        runtime.eval("(core/event/sub $CHANNEL_A 1 { (core/kv/incr loops) (core/event/pub $CHANNEL_A 1 $data) })", "");
        if ("on".equals(storm))
        {
            running = true;
            final StrValue go = new StrValue("go");
            driver = new Thread(() ->
            {
                while (running)
                {
                    runtime.dispatcher().publish(Channel.A, 1, go, "");
                }
            }, "storm-driver");
            driver.setDaemon(true);
            driver.start();
        }
    }

    /**
     * @return the loop's result, so that it is not optimised away.
     */
    @Benchmark
    public long hostLoop()
    {
        long x = seed;
        for (int i = 0; i < LOOP; i++)
        {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        seed = x;
        return x;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception
    {
        running = false;
        if (driver != null)
        {
            driver.join(10_000);
        }
        final long events = runtime.dispatcher().lastSequence();
        runtime.close();
        System.out.println("STORM storm=" + storm + " events=" + events + " tooDeep="
            + runtime.dispatcher().stats(Channel.A).tooDeep() + " loadavg="
            + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (var files = Files.walk(folder))
        {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
