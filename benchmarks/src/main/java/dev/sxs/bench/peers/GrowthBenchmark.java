package dev.sxs.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.sxs.bench.kv.Load;
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
 * How the store's operations grow with its size: the workload of {@link PeerStoreBenchmark} (keys of 17 bytes
 * {@code user:0001234:name}, values of up to 7 digits, inserted in random order, every operation on a random
 * key) at 100,000, 1,000,000 and 10,000,000 keys, the store sized through its options for 1.1 times the keys
 * ({@code kv.entries}), for sxs and for raw Chronicle Map, the baseline of the same run. Operations as in
 * {@link PeerStoreBenchmark}: {@code get}, {@code put}, {@code insertRemove}, {@code cas}, {@code prefix100}
 * (for raw Chronicle a full scan: leave it out at 10M, see docs/benchmarks.md for the command).
 * <p>
 * Stores live in {@code -Dsxs.bench.dir} (default {@code java.io.tmpdir}) under {@code sxs-growth/STORE-KEYS},
 * are filled once by the first trial that needs them (a {@code FILLED} line with the load average) and reopened
 * by every later trial; the setup waits until sxs's index is loaded, so no background work runs in the
 * measurement. Reopen, heap and disk per key are measured by {@link dev.sxs.bench.kv.ReopenFigures}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class GrowthBenchmark extends PeerWorkload
{
    /** Keys in the store. */
    @Param({"100000", "1000000", "10000000"})
    public int keys;

    /** The store: {@code sxs} or {@code chronicle}. */
    @Param({"sxs", "chronicle"})
    public String store;

    /**
     * Fill the store when its folder holds none yet, then open it and wait for its index.
     *
     * @throws IOException when the folder cannot be used.
     */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        makeKeys(keys);
        final Path folder = Path.of(System.getProperty("sxs.bench.dir", System.getProperty("java.io.tmpdir")),
            "sxs-growth", store + "-" + keys);
        final Path filled = folder.resolve("filled");
        final long entries = keys + keys / 10;
        if (!Files.exists(filled))
        {
            final long start = System.nanoTime();
            try (PeerStore loading = Peers.open(store, folder, entries, true))
            {
                fill(loading);
            }
            Files.writeString(filled, "filled\n");
            System.out.printf(Locale.ROOT, "%nFILLED store=%s keys=%d in %.1f s, load %s%n", store, keys,
                (System.nanoTime() - start) / 1e9, Load.average());
        }
        peer = Peers.open(store, folder, entries, false);
        if (!value(7).equals(peer.get(name(7))))
        {
            throw new IllegalStateException(store + " does not hold the filled keys");
        }
        if ("sxs".equals(store))
        {
            peer.prefix("user:", 1);
        }
    }

    /** Close the store. */
    @TearDown(Level.Trial)
    public void close()
    {
        peer.close();
    }
}
