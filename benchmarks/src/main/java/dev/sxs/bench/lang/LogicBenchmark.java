package dev.sxs.bench.lang;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.lang.Budget;
import dev.sxs.lang.Context;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Script;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
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
 * The interpreter on logic alone (no store access), in one run, one thread:
 * <ul>
 *   <li>{@code logicScript}: {@link #LOGIC}, comparisons, arithmetic, {@code let} and {@code if}: 21
 *       evaluated nodes (10 calls, 11 constants and local names), compiled once and run again and again
 *       in one reused context (a budget too large to run out, so no reset per run);</li>
 *   <li>{@code logicJava}: the same logic in plain Java over a field, the baseline;</li>
 *   <li>{@code inlineBody}: {@link #INLINE}, a body run in place under a {@code let} (15 nodes, 7 calls);</li>
 *   <li>{@code storedCall}: {@link #CALL}, the same body as a stored function called with the same
 *       argument (the call, its cache lookup and its parameter binding instead of the {@code let}).</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar LogicBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogicBenchmark
{
    /** The logic script: 21 evaluated nodes, gives 21. */
    public static final String LOGIC = """
        (core/expr/let x 7 {
          (core/expr/let y (core/math/add (core/math/mul $x 3) 2) {
            (core/expr/if (core/expr/and (core/expr/gt $y 20) (core/expr/lt $y 100))
              (core/math/sub $y (core/math/mod $y 7))
              (core/math/div $y 2))})})
        """;
    /** The function body, shared by the inline and the stored variant. */
    public static final String BODY = """
        (core/expr/if (core/expr/and (core/expr/gt $n 20) (core/expr/lt $n 100))
          (core/math/sub $n (core/math/mod $n 7))
          (core/math/div $n 2))
        """;
    /** The body inline: 15 evaluated nodes, gives 21. */
    public static final String INLINE = "(core/expr/let n 23 {" + BODY + "})";
    /** The body as a stored function. */
    public static final String CALL = "(core/fn/call f 23)";

    /** A runtime over an in-memory store, the compiled scripts and one context that never runs out. */
    @State(Scope.Thread)
    public static class Logic
    {
        SxsRuntime runtime;
        Context ctx;
        Script logic;
        Script inline;
        Script call;
        long x = 7;

        @Setup(Level.Trial)
        public void open()
        {
            System.setProperty("chronicle.analytics.disable", "true");
            runtime = SxsRuntime.start(Config.parse(Map.of("kv.entries", "1000")), LogSink.NONE);
            ctx = new Context(runtime.interpreter(), runtime.session(""), new Budget(Long.MAX_VALUE, Long.MAX_VALUE));
            logic = runtime.interpreter().compile(LOGIC);
            inline = runtime.interpreter().compile(INLINE);
            call = runtime.interpreter().compile(CALL);
            runtime.interpreter().compile("(core/fn/def f (n) {" + BODY + "})").runAsBody(ctx);
            check(logic);
            check(inline);
            check(call);
        }

        private void check(final Script script)
        {
            final Value v = script.runAsBody(ctx);
            if (!"21".equals(v.print()))
            {
                throw new IllegalStateException(script.source() + " gave " + v.print());
            }
        }

        @TearDown(Level.Trial)
        public void close()
        {
            runtime.close();
        }
    }

    /**
     * @param s the state.
     * @return the value of {@link #LOGIC}.
     */
    @Benchmark
    public Value logicScript(final Logic s)
    {
        return s.logic.runAsBody(s.ctx);
    }

    /**
     * @param s the state.
     * @return the same logic in Java.
     */
    @Benchmark
    public long logicJava(final Logic s)
    {
        final long y = Math.addExact(Math.multiplyExact(s.x, 3), 2);
        return y > 20 && y < 100 ? Math.subtractExact(y, y % 7) : y / 2;
    }

    /**
     * @param s the state.
     * @return the value of {@link #INLINE}.
     */
    @Benchmark
    public Value inlineBody(final Logic s)
    {
        return s.inline.runAsBody(s.ctx);
    }

    /**
     * @param s the state.
     * @return the value of {@link #CALL}.
     */
    @Benchmark
    public Value storedCall(final Logic s)
    {
        return s.call.runAsBody(s.ctx);
    }
}
