package dev.sxs.bench.task;

import dev.sxs.events.Channel;
import dev.sxs.events.Subscription;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.task.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A ten-step durable task against the same ten forms run as one script, in one run, on a persisted store
 * (a data folder under {@code target/}, journal on, as an agent runs), one operation at a time:
 * <ul>
 *   <li>{@code oneScript}: the script {@code (core/kv/incr n)} x9 then {@code (core/event/pub F 9 ...)}
 *       submitted through the gateway, until the event arrives (the baseline);</li>
 *   <li>{@code tenStepTask}: {@code (core/task/spawn ten)} of a function with those ten forms as its body,
 *       each step committed to its frame (the redo record, the writes, pc), until the last step's event arrives.</li>
 * </ul>
 * {@code liveTasks} paused tasks are in the engine and store meanwhile (10, 1,000, 100,000); {@code inlineSteps}
 * is the engine's {@code tasks.inlineSteps} (16: the ten steps run back to back on one processor; 1: each
 * step is a script of its own through the execution channel, as before issue 15's second pass). The cost per
 * committed step is {@code tenStepTask / 10}; the cost a step adds is {@code (tenStepTask - oneScript) / 10}
 * ({@code -p forms=100}: a hundred forms and steps, divide by 100; the costs paid once per task, the spawn and
 * the first hand-off, weigh ten times less; {@code -p form=exists}: steps that write nothing).
 * After each iteration a line {@code cpu ...} gives the CPU time per operation of the JVM's threads, by thread group
 * ({@link ThreadCpu}): where the work went, which a loaded machine disturbs far less than the latencies.
 * The setup runs {@code warmOps} (20,000) operations of the measured kind first, so every row is measured with the
 * JIT warm ({@code -p warmOps=0}: as before, JMH's warm-up alone).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Task}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TaskBenchmark
{

    /** A runtime over a fresh data folder, with {@code liveTasks} paused tasks. */
    @State(Scope.Benchmark)
    public static class Live
    {
        /** Paused tasks held while measuring. */
        @Param({"10", "1000", "100000"})
        public int liveTasks;

        /** {@code tasks.inlineSteps}: 16 (the default) runs the ten steps in one step script, 1 one script each. */
        @Param({"16", "1"})
        public int inlineSteps;

        /** Forms of the script and steps of the task (10; {@code -p forms=100} spreads the per-task costs thinner). */
        @Param({"10"})
        public int forms;

        /**
         * {@code tasks.retentionMillis}: 0 removes each finished task (and its frame) at once, on the engine's
         * thread, while the next operation runs; {@code -p retentionMillis=3600000} keeps them, as a host does.
         */
        @Param({"0"})
        public long retentionMillis;

        /**
         * The form of each step: {@code incr} ({@code (core/kv/incr local:n)}, a write per step), or
         * {@code exists} ({@code (core/kv/exists local:n)}, a read and no write: the step's commit only moves
         * {@code pc}); the last one's value is published.
         */
        @Param({"incr"})
        public String form;

        /**
         * Operations of the measured kind run once in the setup, after the live tasks are spawned, before JMH's own
         * warm-up: with {@code -wi 2 -w 2} alone a task's CPU per operation still fell several times over the
         * measured iterations (the JIT had not reached the step path), and a 100,000-row setup warmed the spawn path
         * that the other rows measured cold, so the rows were not comparable. 0 to skip.
         */
        @Param({"20000"})
        public int warmOps;

        String script;

        SxsRuntime runtime;
        Path data;
        volatile CompletableFuture<Object> pending;
        Subscription done;
        final ThreadCpu cpu = new ThreadCpu();

        /**
         * Start the runtime, spawn the live tasks, then run {@link #warmOps} operations of the benchmark measured.
         *
         * @param params which benchmark runs.
         * @throws Exception when the runtime does not start or an operation times out.
         */
        @Setup(Level.Trial)
        public void open(final BenchmarkParams params) throws Exception
        {
            System.setProperty("chronicle.analytics.disable", "true");
            Files.createDirectories(Path.of("target"));
            data = Files.createTempDirectory(Path.of("target"), "task-bench");
            runtime = SxsRuntime.start(Config.defaults().with(Map.of("data", data.toString(), "kv.entries",
                Integer.toString(liveTasks * 10 + 1_000_000), "tasks.retentionMillis", Long.toString(retentionMillis),
                "tasks.inlineSteps", Integer.toString(inlineSteps))), LogSink.NONE);
            done = runtime.dispatcher().subscribe(Channel.F, 9, event -> pending.complete(event.payload()),
                Subscription.NO_OWNER);
            eval("(core/fn/def hold () {(core/task/yield)})");
            final String each = "(core/kv/" + form + " local:n)";
            script = (each + " ").repeat(forms - 1) + "(core/event/pub F 9 " + each + ")";
            eval("(core/fn/def ten () {" + script + "})");
            for (int have = 0; have < liveTasks; )
            {
                final String last = eval("(core/kv/set k 0) (core/expr/while {(core/expr/lt (core/kv/get k) "
                    + Math.min(100, liveTasks - have) + ")} {(core/kv/incr k) (core/task/spawn hold)})");
                final int now = runtime.tasks().list(null, null, 0, liveTasks).size();
                if (now == have)
                {
                    throw new IllegalStateException("spawning stopped at " + now + ": " + last);
                }
                have = now;
            }
            while (runtime.tasks().count(TaskState.PAUSED) < liveTasks)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            final boolean task = !params.getBenchmark().endsWith(".oneScript");
            for (int i = 0; i < warmOps; i++)
            {
                final CompletableFuture<Object> wait = new CompletableFuture<>();
                pending = wait;
                if (task)
                {
                    runtime.eval("(core/task/spawn ten)", "");
                }
                else
                {
                    runtime.submit(script, 0);
                }
                wait.get(10, TimeUnit.SECONDS);
            }
        }

        String eval(final String source)
        {
            final List<Value> values = runtime.eval(source, "");
            return Printer.print(values.get(values.size() - 1));
        }

        @Setup(Level.Iteration)
        public void startCpu()
        {
            cpu.start();
        }

        /**
         * Print the iteration's CPU time per operation by thread group (a line starting {@code cpu}).
         *
         * @param params which benchmark ran.
         */
        @TearDown(Level.Iteration)
        public void reportCpu(final BenchmarkParams params)
        {
            System.out.println(cpu.report(params.getBenchmark().replaceAll(".*\\.", "") + " " + form + " forms="
                + forms + " inline=" + inlineSteps + " live=" + liveTasks + " retention=" + retentionMillis));
        }

        @TearDown(Level.Trial)
        public void close()
        {
            done.cancel();
            runtime.close();
        }
    }

    @Benchmark
    public Object oneScript(final Live r) throws Exception
    {
        final CompletableFuture<Object> wait = new CompletableFuture<>();
        r.pending = wait;
        r.runtime.submit(r.script, 0);
        r.cpu.op();
        return wait.get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public Object tenStepTask(final Live r) throws Exception
    {
        final CompletableFuture<Object> wait = new CompletableFuture<>();
        r.pending = wait;
        r.runtime.eval("(core/task/spawn ten)", "");
        r.cpu.op();
        return wait.get(10, TimeUnit.SECONDS);
    }
}
