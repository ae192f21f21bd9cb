package dev.sxs.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.sxs.bench.kv.Load;
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
 * sxs against the embedded stores a user would pick instead, one workload, one thread: 1,000,000 keys of 17
 * bytes ({@code user:0001234:name}) with values of up to 7 digits, inserted in random order; every operation
 * picks a random key.
 * <ul>
 *   <li>{@code get}: read an existing key;</li>
 *   <li>{@code put}: overwrite an existing key;</li>
 *   <li>{@code insertRemove}: insert a new key ({@code user:0001234:new}) and remove it;</li>
 *   <li>{@code cas}: compare-and-set an existing key from its value to the same value (always succeeds, always
 *       writes): native where the store has it, a transaction where not (see each {@link PeerStore});</li>
 *   <li>{@code prefix100}: the 100 keys of a random prefix {@code user:00012} in order.</li>
 * </ul>
 * Reopen: every trial opens its store from disk and then closes and reopens it three times, timing each open
 * and the first {@code get} after it (not the close), printed as a {@code REOPEN} line with the load average
 * and the disk blocks the store's folder holds. Stores live in {@code -Dsxs.bench.dir} (default
 * {@code java.io.tmpdir}/sxs-peers) and are filled once, by the first trial that needs them (a {@code -sync}
 * variant fills without syncing), then reused by later trials and runs; delete the folder to start afresh.
 * Sample time: medians, as the other suites, since descheduling spikes dominate the means here.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class PeerStoreBenchmark
{
    /** Keys in every store. */
    public static final int KEYS = 1_000_000;

    /** The store: one of {@link Peers#NAMES}. */
    @Param({"chronicle", "sxs", "rocksdb", "lmdb", "mapdb-htree", "mapdb-btree", "mvstore", "rocksdb-sync",
        "lmdb-sync", "mapdb-btree-sync", "mvstore-sync"})
    public String store;

    private PeerStore peer;
    private String[] keys;
    private String[] fresh;
    private String[] values;
    private String[] prefixes;

    /**
     * Fill the store when its folder holds none yet, open it, and time three reopens.
     *
     * @throws IOException when the folder cannot be used.
     */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        keys = new String[KEYS];
        fresh = new String[KEYS];
        values = new String[KEYS];
        for (int i = 0; i < KEYS; i++)
        {
            keys[i] = String.format("user:%07d:name", i);
            fresh[i] = String.format("user:%07d:new", i);
            values[i] = Integer.toString(i);
        }
        prefixes = new String[KEYS / 100];
        for (int i = 0; i < prefixes.length; i++)
        {
            prefixes[i] = String.format("user:%05d", i);
        }
        final Path base = Path.of(System.getProperty("sxs.bench.dir", System.getProperty("java.io.tmpdir")),
            "sxs-peers");
        final Path folder = base.resolve(Peers.folderName(store));
        final Path filled = folder.resolve("filled-" + KEYS);
        final long entries = KEYS + KEYS / 10;
        if (!Files.exists(filled))
        {
            final long start = System.nanoTime();
            try (PeerStore loading = Peers.open(store, folder, entries, true))
            {
                for (final int i : shuffled(KEYS))
                {
                    loading.put(keys[i], values[i]);
                }
            }
            Files.writeString(filled, "filled\n");
            System.out.printf(Locale.ROOT, "%nFILLED store=%s keys=%d in %.1f s%n", store, KEYS,
                (System.nanoTime() - start) / 1e9);
        }
        peer = Peers.open(store, folder, entries, false);
        if (!peer.cas(keys[7], values[7], values[7]) || !values[7].equals(peer.get(keys[7])))
        {
            throw new IllegalStateException(store + " does not hold the filled keys");
        }
        final double[] reopen = new double[3];
        for (int r = 0; r < reopen.length; r++)
        {
            final long opening = peer.reopen();
            final long start = System.nanoTime();
            peer.get(keys[r]);
            reopen[r] = (opening + System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%nREOPEN store=%s ms=%s load=%s disk=%d%n", store, Arrays.toString(reopen),
            Load.average(), Load.allocatedBytes(folder));
    }

    /** Close the store. */
    @TearDown(Level.Trial)
    public void close()
    {
        peer.close();
    }

    static int[] shuffled(final int n)
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

    private static int next()
    {
        return ThreadLocalRandom.current().nextInt(KEYS);
    }

    /**
     * @return the value of a random existing key.
     */
    @Benchmark
    public String get()
    {
        return peer.get(keys[next()]);
    }

    /** Overwrite a random existing key. */
    @Benchmark
    public void put()
    {
        final int i = next();
        peer.put(keys[i], values[i]);
    }

    /** Insert a new key, then remove it. */
    @Benchmark
    public void insertRemove()
    {
        final int i = next();
        peer.put(fresh[i], values[i]);
        peer.remove(fresh[i]);
    }

    /**
     * @return true: the compare-and-set of a random existing key to its own value.
     */
    @Benchmark
    public boolean cas()
    {
        final int i = next();
        return peer.cas(keys[i], values[i], values[i]);
    }

    /**
     * @return the 100 keys of a random prefix.
     */
    @Benchmark
    public List<String> prefix100()
    {
        return peer.prefix(prefixes[ThreadLocalRandom.current().nextInt(prefixes.length)], 100);
    }
}
