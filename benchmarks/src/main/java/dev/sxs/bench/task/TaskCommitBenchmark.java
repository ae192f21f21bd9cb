package dev.sxs.bench.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * The store writes of one step of {@code (core/kv/incr local:n)}, on the thread that measures (no hand-off
 * between threads, so a loaded machine disturbs it far less than {@link TaskBenchmark}), on a persisted store as
 * an agent's, each write pattern in the same run:
 * <ul>
 *   <li>{@code script}: what the form costs run in a script: read {@code n}, compare-and-set it (as
 *       {@code core/kv/incr} does on the store);</li>
 *   <li>{@code stepRecordRemoved}: a step's commit as the engine does it when no step follows at once (and did
 *       for every step before issue 15's fourth pass): read {@code n}, put the redo record (a new entry), write
 *       {@code n}, write {@code pc}, remove the record;</li>
 *   <li>{@code stepRecordKept}: a step's commit as the engine does it when its next step runs inline: the record
 *       left in place for the next step's to overwrite: read {@code n}, put the record over the last one, write
 *       {@code n}, write {@code pc}.</li>
 * </ul>
 * What a step adds to the form is {@code step... - script}. The record is the engine's text for such a step
 * (its pc line and one put); keys are those of a frame {@code task:1:} in the root scope.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TaskCommitBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TaskCommitBenchmark
{
    private static final String REDO = "\u0000task:redo";

    /** A runtime over a fresh data folder and the frame {@code task:1:} in it. */
    @State(Scope.Benchmark)
    public static class Frame
    {
        SxsRuntime runtime;
        KvStore frame;
        long pc;

        @Setup(Level.Trial)
        public void open() throws Exception
        {
            System.setProperty("chronicle.analytics.disable", "true");
            Files.createDirectories(Path.of("target"));
            final Path data = Files.createTempDirectory(Path.of("target"), "task-commit-bench");
            runtime = SxsRuntime.start(Config.defaults().with(Map.of("data", data.toString(), "kv.entries",
                "100000")), LogSink.NONE);
            frame = runtime.store().scoped("task:1:");
            frame.put("local:n", "0");
            frame.put("pc", "0");
        }

        @TearDown(Level.Trial)
        public void close()
        {
            runtime.close();
        }

        String next()
        {
            final String n = frame.get("local:n");
            return Long.toString(Long.parseLong(n) + 1);
        }

        String record(final String n)
        {
            return (pc + 1) + "\nP7:local:n" + n.length() + ":" + n;
        }
    }

    @Benchmark
    public boolean script(final Frame f)
    {
        final String current = f.frame.get("local:n");
        return f.frame.replace("local:n", current, Long.toString(Long.parseLong(current) + 1));
    }

    @Benchmark
    public String stepRecordRemoved(final Frame f)
    {
        final String n = f.next();
        f.frame.put(REDO, f.record(n));
        f.frame.put("local:n", n);
        f.frame.put("pc", Long.toString(++f.pc));
        f.frame.remove(REDO);
        return n;
    }

    @Benchmark
    public String stepRecordKept(final Frame f)
    {
        final String n = f.next();
        f.frame.put(REDO, f.record(n));
        f.frame.put("local:n", n);
        f.frame.put("pc", Long.toString(++f.pc));
        return n;
    }
}
