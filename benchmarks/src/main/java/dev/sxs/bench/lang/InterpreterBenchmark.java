package dev.sxs.bench.lang;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.Binding;
import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Script;
import dev.sxs.lang.Session;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import net.openhft.chronicle.map.ChronicleMap;
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
 * The interpreter against the raw store, in one run, one thread, 1,000,000 keys of 17 bytes with
 * integer values (same shape as the store benchmark):
 * <ul>
 *   <li>{@code rawGet}: Chronicle Map {@code get} of a random key (the baseline);
 *       {@code rawGetViaStrValue}: the same, reaching the key through the same {@code StrValue}
 *       objects {@code bodyGet} binds (one more object per key, a cache miss at 1M keys);</li>
 *   <li>{@code bodyGet}: the body {@code {(core/kv/get $key)}}, compiled once, run with {@code $key}
 *       bound to the random key, in a reused context reset for each run (fresh budget), as a worker
 *       runs a handler body;</li>
 *   <li>{@code rawGetSample} / {@code scriptGet}: a script {@code (core/kv/get user:0001234:name)} compiled once per key of a
 *       sample of 4096, run through {@code Interpreter.run} with a fresh context and budget each
 *       time (how a submitted script runs);</li>
 *   <li>{@code rawPut} / {@code bodySet}: the same for overwriting a value with
 *       {@code {(core/kv/set $key $data)}};</li>
 *   <li>{@code bodyIncr}: {@code {(core/kv/incr $key)}}, a get and a replace, for orientation.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Interpreter}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterpreterBenchmark
{
    /** Keys in each map. */
    public static final int KEYS = 1_000_000;
    /** Keys that get a compiled script of their own. */
    public static final int SCRIPTS = 4096;

    /** A raw Chronicle Map and a runtime over its own store, filled with the same keys. */
    @State(Scope.Benchmark)
    public static class Maps
    {
        String[] keys;
        StrValue[] keyValues;
        String[] values;
        ChronicleMap<String, String> raw;
        SxsRuntime runtime;
        Session session;
        Script[] scripts;
        Body get;
        Body set;
        Body incr;

        @Setup(Level.Trial)
        public void open()
        {
            System.setProperty("chronicle.analytics.disable", "true");
            final Config config = Config.parse(Map.of("kv.entries", "1100000", "kv.keyBytes", "17", "kv.valueBytes",
                "8"));
            raw = ChronicleMap.of(String.class, String.class)
                .name("raw")
                .entries(config.kv().entries())
                .averageKeySize(config.kv().averageKeyBytes())
                .averageValueSize(config.kv().averageValueBytes())
                .create();
            runtime = SxsRuntime.start(config, LogSink.NONE);
            final KvStore store = runtime.store();
            keys = new String[KEYS];
            keyValues = new StrValue[KEYS];
            values = new String[KEYS];
            for (int i = 0; i < KEYS; i++)
            {
                keys[i] = String.format("user:%07d:name", i);
                keyValues[i] = new StrValue(keys[i]);
                values[i] = Integer.toString(i);
                raw.put(keys[i], values[i]);
                store.put(keys[i], values[i]);
            }
            session = runtime.session("");
            scripts = new Script[SCRIPTS];
            for (int i = 0; i < SCRIPTS; i++)
            {
                scripts[i] = runtime.interpreter().compile("(core/kv/get " + keys[i * (KEYS / SCRIPTS)] + ")");
            }
            get = body("{(core/kv/get $key)}");
            set = body("{(core/kv/set $key $data)}");
            incr = body("{(core/kv/incr $key)}");
        }

        private Body body(final String source)
        {
            return runtime.interpreter().compileBody((ListValue)runtime.interpreter().compile(source).forms().get(0));
        }

        @TearDown(Level.Trial)
        public void close()
        {
            raw.close();
            runtime.close();
        }
    }

    /** One context per benchmark thread, reused like a worker reuses its context. */
    @State(Scope.Thread)
    public static class Worker
    {
        Context ctx;

        @Setup(Level.Trial)
        public void open(final Maps maps)
        {
            ctx = maps.runtime.interpreter().newContext(maps.session);
        }
    }

    static int next()
    {
        return ThreadLocalRandom.current().nextInt(KEYS);
    }

    @Benchmark
    public String rawGet(final Maps m)
    {
        return m.raw.get(m.keys[next()]);
    }

    @Benchmark
    public String rawGetViaStrValue(final Maps m)
    {
        return m.raw.get(m.keyValues[next()].text());
    }

    @Benchmark
    public Value bodyGet(final Maps m, final Worker w)
    {
        w.ctx.reset();
        w.ctx.bind(Binding.KEY, m.keyValues[next()]);
        return m.get.run(w.ctx);
    }

    @Benchmark
    public String rawGetSample(final Maps m)
    {
        return m.raw.get(m.keys[ThreadLocalRandom.current().nextInt(SCRIPTS) * (KEYS / SCRIPTS)]);
    }

    @Benchmark
    public List<Value> scriptGet(final Maps m)
    {
        return m.runtime.interpreter().run(m.scripts[ThreadLocalRandom.current().nextInt(SCRIPTS)], m.session);
    }

    @Benchmark
    public String rawPut(final Maps m)
    {
        final int i = next();
        return m.raw.put(m.keys[i], m.values[i]);
    }

    @Benchmark
    public Value bodySet(final Maps m, final Worker w)
    {
        final int i = next();
        w.ctx.reset();
        w.ctx.bind(Binding.KEY, m.keyValues[i]);
        w.ctx.bind(Binding.DATA, IntValue.of(i));
        return m.set.run(w.ctx);
    }

    @Benchmark
    public Value bodyIncr(final Maps m, final Worker w)
    {
        w.ctx.reset();
        w.ctx.bind(Binding.KEY, m.keyValues[next()]);
        return m.incr.run(w.ctx);
    }
}
