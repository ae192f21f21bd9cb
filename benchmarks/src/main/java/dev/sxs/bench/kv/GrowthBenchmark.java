package dev.sxs.bench.kv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.kv.WriteBehindKeyIndex;
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
 * The persisted store at 100k, 1M and 10M keys of 17 bytes ({@code user:0001234:name}), sized through its
 * options ({@code entries = 1.1 x keys, keyBytes=17, valueBytes=8}, what {@code kv.entries}, {@code kv.keyBytes}
 * and {@code kv.valueBytes} set): get, put (overwrite), insert+remove, cas (to the same value) and the 100 keys
 * of a random prefix, one thread, random keys. Keys are made per operation from a byte template (about the
 * same few tens of ns at every size: the figures compare sizes, not stores), so no key array of 10M Strings
 * sits in the heap.
 * <p>
 * Every trial opens the store of its size from {@code -Dsxs.bench.dir} (default {@code java.io.tmpdir}) under
 * {@code sxs-growth/<keys>}, filled once by the first trial that needs it, and prints a {@code GROWTH} line: the
 * open (until {@code open} returned, and until the index was loaded), the index heap per key (its estimate), the
 * disk per key ({@code store.dat} blocks allocated, and {@code store.index} as the previous close left it) and
 * the load average.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class GrowthBenchmark
{
    private static final byte[] TEMPLATE = "user:0000000:name".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FRESH = "user:0000000:new".getBytes(StandardCharsets.US_ASCII);

    /** Keys in the store. */
    @Param({"100000", "1000000", "10000000"})
    public int keys;

    private ChronicleKvStore store;

    /**
     * Fill the store of this size once, then open it and print what the open cost.
     *
     * @throws IOException when the folder cannot be used.
     */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final Path folder = Path.of(System.getProperty("sxs.bench.dir", System.getProperty("java.io.tmpdir")),
            "sxs-growth", Integer.toString(keys));
        final KvOptions options = new KvOptions(folder, keys + keys / 10L, 17, 8);
        final Path filled = folder.resolve("filled");
        if (!Files.exists(filled))
        {
            final long start = System.nanoTime();
            try (ChronicleKvStore filling = ChronicleKvStore.open(options))
            {
                for (final int i : KvBenchmark.shuffled(keys))
                {
                    filling.put(key(TEMPLATE, i), Integer.toString(i));
                }
            }
            Files.writeString(filled, "filled\n");
            System.out.printf(Locale.ROOT, "%nFILLED keys=%d in %.1f s%n", keys, (System.nanoTime() - start) / 1e9);
        }
        final long indexFile = Files.size(folder.resolve("store.index"));
        final long start = System.nanoTime();
        store = ChronicleKvStore.open(options);
        final double opened = (System.nanoTime() - start) / 1e6;
        final boolean loaded = store.indexLoaded();
        final double ready = (System.nanoTime() - start) / 1e6;
        final long heap = ((WriteBehindKeyIndex)store.index()).index().heapBytesEstimate();
        final long disk = Load.allocatedBytes(folder.resolve(ChronicleKvStore.STORE_FILE));
        System.out.printf(Locale.ROOT, "%nGROWTH keys=%d open=%.1f ms index=%.1f ms (loaded=%s) heap=%.1f B/key"
            + " store.dat=%.1f B/key store.index=%.1f B/key load=%s%n", keys, opened, ready, loaded,
            heap / (double)keys, disk / (double)keys, indexFile / (double)keys, Load.average());
    }

    /** Close the store (it writes its index file for the next trial). */
    @TearDown(Level.Trial)
    public void close()
    {
        store.close();
    }

    static String key(final byte[] template, final int i)
    {
        final byte[] bytes = template.clone();
        int rest = i;
        for (int at = 11; at >= 5; at--)
        {
            bytes[at] = (byte)('0' + rest % 10);
            rest /= 10;
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private int next()
    {
        return ThreadLocalRandom.current().nextInt(keys);
    }

    /**
     * @return the value of a random key.
     */
    @Benchmark
    public String get()
    {
        return store.get(key(TEMPLATE, next()));
    }

    /** Overwrite a random key with its own value. */
    @Benchmark
    public void put()
    {
        final int i = next();
        store.put(key(TEMPLATE, i), Integer.toString(i));
    }

    /**
     * @return true: a new key inserted and removed.
     */
    @Benchmark
    public boolean insertRemove()
    {
        final int i = next();
        final String key = key(FRESH, i);
        store.put(key, Integer.toString(i));
        return store.remove(key);
    }

    /**
     * @return true: a random key compared-and-set to its own value.
     */
    @Benchmark
    public boolean cas()
    {
        final int i = next();
        final String value = Integer.toString(i);
        return store.replace(key(TEMPLATE, i), value, value);
    }

    /**
     * @return the 100 keys of a random prefix ({@code user:00012}).
     */
    @Benchmark
    public List<String> prefix100()
    {
        final String key = key(TEMPLATE, ThreadLocalRandom.current().nextInt(keys / 100) * 100);
        return store.keys(key.substring(0, 10), 0, 100);
    }
}
