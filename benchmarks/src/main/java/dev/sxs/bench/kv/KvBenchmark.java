package dev.sxs.bench.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.lang.Binding;
import dev.sxs.lang.BudgetOptions;
import dev.sxs.lang.CommandRegistry;
import dev.sxs.lang.Context;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.Script;
import dev.sxs.lang.Services;
import dev.sxs.lang.Session;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.CoreCommands;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The key/value store against raw Chronicle Map, in one run, one thread, 1,000,000 keys of 17 bytes
 * ({@code user:0001234:name}) with short integer values:
 * <ul>
 *   <li>{@code rawGet} / {@code storeGet}: read a random existing key;</li>
 *   <li>{@code rawPut} / {@code storePut}: overwrite a random existing key (the index is untouched);</li>
 *   <li>{@code rawInsertRemove} / {@code storeInsertRemove}: insert a new key between existing ones
 *       and remove it again, so the store maintains its index twice per operation;</li>
 *   <li>{@code storeIterate100}: the 100 keys of a random prefix {@code user:00012} out of 1M, against
 *       {@code rawScan100}, the full scan Chronicle Map alone would need;</li>
 *   <li>{@code indexFootprint}: builds the key index for 1M keys and prints its heap bytes per key
 *       (GC before/after), next to a {@code ConcurrentSkipListMap<String>} of the same keys.</li>
 *   <li>{@code interpGet} / {@code interpPut}: {@code (core/kv/get $data)} and
 *       {@code (core/kv/set $data 5)} compiled once and evaluated again and again, as a handler body
 *       is, with {@code $data} bound to a random key: against {@code rawGet} / {@code rawPut}.</li>
 * </ul>
 * Operations are sampled ({@code Mode.SampleTime}): on shared, loaded machines the median of the
 * samples is far steadier than the mean, which descheduling spikes dominate.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KvBenchmark
{
    /** Keys in the store. */
    public static final int KEYS = 1_000_000;

    static String key(final int i)
    {
        return String.format("user:%07d:name", i);
    }

    static String freshKey(final int i)
    {
        return String.format("user:%07d:new", i);
    }

    /** Both maps filled with the same million keys, inserted in random order. */
    @State(Scope.Benchmark)
    public static class Stores
    {
        String[] keys;
        String[] fresh;
        String[] values;
        String[] prefixes;
        ChronicleMap<String, String> raw;
        ChronicleKvStore store;
        StrValue[] keyValues;
        Context context;
        Script get;
        Script set;

        @Setup(Level.Trial)
        public void open()
        {
            System.setProperty("chronicle.analytics.disable", "true");
            keys = new String[KEYS];
            fresh = new String[KEYS];
            values = new String[KEYS];
            for (int i = 0; i < KEYS; i++)
            {
                keys[i] = key(i);
                fresh[i] = freshKey(i);
                values[i] = Integer.toString(i);
            }
            prefixes = new String[KEYS / 100];
            for (int i = 0; i < prefixes.length; i++)
            {
                prefixes[i] = String.format("user:%05d", i);
            }
            final KvOptions options = new KvOptions(null, 1_100_000, 17, 8);
            raw = ChronicleMap.of(String.class, String.class)
                .name("raw")
                .entries(options.entries())
                .averageKeySize(options.averageKeyBytes())
                .averageValueSize(options.averageValueBytes())
                .create();
            store = ChronicleKvStore.open(options);
            final int[] order = shuffled(KEYS);
            for (final int i : order)
            {
                raw.put(keys[i], values[i]);
                store.put(keys[i], values[i]);
            }
            keyValues = new StrValue[KEYS];
            for (int i = 0; i < KEYS; i++)
            {
                keyValues[i] = new StrValue(keys[i]);
            }
            final Interpreter interpreter = new Interpreter(CoreCommands.registerAll(new CommandRegistry()),
                new Services(), BudgetOptions.defaults());
            context = interpreter.newContext(Session.create("", store, (session, line) -> {}));
            get = interpreter.compile("(core/kv/get $data)");
            set = interpreter.compile("(core/kv/set $data 5)");
        }

        @TearDown(Level.Trial)
        public void close()
        {
            raw.close();
            store.close();
        }

        int next()
        {
            return ThreadLocalRandom.current().nextInt(KEYS);
        }
    }

    /**
     * @param n how many numbers.
     * @return 0..n-1 in random order (the order stores are filled in, so no store sees its keys sorted).
     */
    public static int[] shuffled(final int n)
    {
        final int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = n - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Benchmark
    public String rawGet(final Stores s)
    {
        return s.raw.get(s.keys[s.next()]);
    }

    @Benchmark
    public String storeGet(final Stores s)
    {
        return s.store.get(s.keys[s.next()]);
    }

    @Benchmark
    public String rawPut(final Stores s)
    {
        final int i = s.next();
        return s.raw.put(s.keys[i], s.values[i]);
    }

    @Benchmark
    public void storePut(final Stores s)
    {
        final int i = s.next();
        s.store.put(s.keys[i], s.values[i]);
    }

    @Benchmark
    public String rawInsertRemove(final Stores s)
    {
        final int i = s.next();
        s.raw.put(s.fresh[i], s.values[i]);
        return s.raw.remove(s.fresh[i]);
    }

    @Benchmark
    public boolean storeInsertRemove(final Stores s)
    {
        final int i = s.next();
        s.store.put(s.fresh[i], s.values[i]);
        return s.store.remove(s.fresh[i]);
    }

    @Benchmark
    public Value interpGet(final Stores s)
    {
        final Context ctx = s.context;
        ctx.reset();
        ctx.bind(Binding.DATA, s.keyValues[s.next()]);
        return s.get.runAsBody(ctx);
    }

    @Benchmark
    public Value interpPut(final Stores s)
    {
        final Context ctx = s.context;
        ctx.reset();
        ctx.bind(Binding.DATA, s.keyValues[s.next()]);
        return s.set.runAsBody(ctx);
    }

    @Benchmark
    public List<String> storeIterate100(final Stores s)
    {
        return s.store.keys(s.prefixes[ThreadLocalRandom.current().nextInt(s.prefixes.length)], 0, 100);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<String> rawScan100(final Stores s)
    {
        final String prefix = s.prefixes[ThreadLocalRandom.current().nextInt(s.prefixes.length)];
        final List<String> out = new ArrayList<>(100);
        for (final String key : s.raw.keySet())
        {
            if (key.startsWith(prefix))
            {
                out.add(key);
            }
        }
        out.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public void indexFootprint(final Blackhole blackhole)
    {
        final IndexFootprint footprint = IndexFootprint.measure(KEYS);
        System.out.println();
        System.out.println(footprint);
        blackhole.consume(footprint);
    }
}
