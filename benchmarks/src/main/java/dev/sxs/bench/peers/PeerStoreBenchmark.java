package dev.sxs.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * sxs against the embedded stores a user would pick instead, one workload, one thread: 1,000,000 keys of 17
 * bytes ({@code user:0001234:name}) with values of up to 7 digits, inserted in random order; every operation
 * picks a random key; the operations are {@link PeerWorkload}'s.
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
public class PeerStoreBenchmark extends PeerWorkload
{
    /** Keys in every store. */
    public static final int KEYS = 1_000_000;

    /** The store: one of {@link Peers#NAMES}. */
    @Param({"chronicle", "sxs", "rocksdb", "lmdb", "mapdb-htree", "mapdb-btree", "mvstore", "rocksdb-sync",
        "lmdb-sync", "mapdb-btree-sync", "mvstore-sync"})
    public String store;

    /**
     * Fill the store when its folder holds none yet, open it, and time three reopens.
     *
     * @throws IOException when the folder cannot be used.
     */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        System.setProperty("chronicle.analytics.disable", "true");
        makeKeys(KEYS);
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
                fill(loading);
            }
            Files.writeString(filled, "filled\n");
            System.out.printf(Locale.ROOT, "%nFILLED store=%s keys=%d in %.1f s%n", store, KEYS,
                (System.nanoTime() - start) / 1e9);
        }
        peer = Peers.open(store, folder, entries, false);
        if (!peer.cas(name(7), value(7), value(7)) || !value(7).equals(peer.get(name(7))))
        {
            throw new IllegalStateException(store + " does not hold the filled keys");
        }
        final double[] reopen = new double[3];
        for (int r = 0; r < reopen.length; r++)
        {
            final long opening = peer.reopen();
            final long start = System.nanoTime();
            peer.get(name(r));
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
}
