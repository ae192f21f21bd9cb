package dev.sxs.bench.kv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.kv.WriteBehindKeyIndex;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Reopen figures of a persisted store (not JMH: each figure is one whole open of a store of N keys). Fills a
 * store with N keys of 17 bytes ({@code user:0001234:name}, random order, values of up to 7 digits) sized
 * {@code entries=1.1N, keyBytes=17, valueBytes=8}, closes it cleanly, then measures:
 * <ul>
 *   <li>clean reopen: {@code ChronicleKvStore.open} until it returns and one {@code get} and one {@code put} are
 *       served, then until the index has been read from {@code store.index} in the background (a prefix read
 *       of 100 keys returns; median of the rounds);</li>
 *   <li>raw reopen: {@code ChronicleMap.createPersistedTo} of the same file (the floor);</li>
 *   <li>crash reopen: the clean marker deleted (what a killed owner leaves: the store is recovered and the
 *       index file not trusted); time until {@code open} returns and a {@code get} and a {@code put} are
 *       served, then until the background rebuild of the index ended (the first {@code keys} returns);</li>
 *   <li>that the reopened store's iteration equals a full scan of its map, after the clean and the crash
 *       reopen; heap of the index per key; disk per key ({@code store.dat} blocks allocated, and
 *       {@code store.index}).</li>
 * </ul>
 * Usage: {@code java -cp benchmarks.jar dev.sxs.bench.kv.ReopenFigures [KEYS [ROUNDS [ENTRIES]]]} (defaults
 * 1,000,000, 5 and 1.1 times the keys: {@code ENTRIES} is the store's sizing, {@code kv.entries}, to see what it
 * does to disk per key); the store goes to {@code -Dsxs.bench.dir} or a temporary folder, deleted at the end.
 */
public final class ReopenFigures
{
    private ReopenFigures()
    {
    }

    /**
     * @param args number of keys, rounds.
     * @throws Exception when the store cannot be written or read.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty("chronicle.analytics.disable", "true");
        final int keys = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        final String base = System.getProperty("sxs.bench.dir");
        final Path dir = base == null ? Files.createTempDirectory("sxs-reopen")
            : Files.createDirectories(Path.of(base)).resolve("reopen-" + keys);
        final long entries = args.length > 2 ? Long.parseLong(args[2].replace("_", "")) : keys + keys / 10;
        final KvOptions options = new KvOptions(dir, entries, 17, 8);
        try
        {
            run(keys, rounds, dir, options);
        }
        finally
        {
            deleteTree(dir);
        }
    }

    private static void run(final int keys, final int rounds, final Path dir, final KvOptions options)
        throws IOException
    {
        print("keys %,d, sized for %,d entries, load %s", keys, options.entries(), Load.average());
        long start = System.nanoTime();
        try (ChronicleKvStore store = ChronicleKvStore.open(options))
        {
            for (final int i : KvBenchmark.shuffled(keys))
            {
                store.put(KvBenchmark.key(i), Integer.toString(i));
            }
            print("filled in %.1f s; index heap %.1f B/key (estimate)", seconds(start),
                ((WriteBehindKeyIndex)store.index()).index().heapBytesEstimate() / (double)keys);
            start = System.nanoTime();
        }
        print("clean close (index file written) %.0f ms", millis(start));
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        final Path indexFile = dir.resolve("store.index");
        print("disk: store.dat %,d bytes allocated (%.1f B/key, length %,d), store.index %,d bytes (%.1f B/key)",
            Load.allocatedBytes(file), Load.allocatedBytes(file) / (double)keys, Files.size(file),
            Files.size(indexFile), Files.size(indexFile) / (double)keys);
        final double[] clean = new double[rounds];
        final double[] ready = new double[rounds];
        final double[] raw = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            start = System.nanoTime();
            try (ChronicleMap<String, String> map = ChronicleMap.of(String.class, String.class)
                .entries(options.entries()).averageKeySize(17).averageValueSize(8).createPersistedTo(file.toFile()))
            {
                map.get(KvBenchmark.key(r));
                raw[r] = millis(start);
            }
            start = System.nanoTime();
            try (ChronicleKvStore store = ChronicleKvStore.open(options))
            {
                store.get(KvBenchmark.key(r));
                store.put("after:clean", "1");
                clean[r] = millis(start);
                store.keys("user:00012", 0, 100);
                ready[r] = millis(start);
                if (!store.indexLoaded())
                {
                    throw new IllegalStateException("the index was not read from store.index");
                }
                if (r == 0)
                {
                    print("clean reopen: index heap %.1f B/key (estimate, as loaded from store.index)",
                        ((WriteBehindKeyIndex)store.index()).index().heapBytesEstimate() / (double)keys);
                    print("clean reopen: iteration equals a full scan: %s", equalsFullScan(store));
                }
            }
        }
        print("clean reopen to a served get+put: median %.1f ms (rounds %s); to the index loaded (prefix-100"
            + " served): median %.1f ms (%s); raw Chronicle open + get: median %.1f ms (%s); load %s", median(clean),
            Arrays.toString(round(clean)), median(ready), Arrays.toString(round(ready)), median(raw),
            Arrays.toString(round(raw)), Load.average());
        Files.delete(dir.resolve(ChronicleKvStore.CLEAN_MARKER));
        start = System.nanoTime();
        try (ChronicleKvStore store = ChronicleKvStore.open(options))
        {
            final double opened = millis(start);
            store.get(KvBenchmark.key(7));
            store.put("after:crash", "1");
            final double served = millis(start);
            store.keys("", 0, 1);
            final double indexed = millis(start);
            print("crash reopen (recovered=%s, index loaded=%s): open returned %.0f ms, get+put served %.0f ms,"
                + " index rebuilt %.0f ms; load %s", store.recovered(), store.indexLoaded(), opened, served, indexed,
                Load.average());
            print("crash reopen: iteration equals a full scan: %s", equalsFullScan(store));
        }
    }

    /** Compares the index's iteration, page by page, with the sorted keys of a full scan of the map. */
    private static boolean equalsFullScan(final ChronicleKvStore store)
    {
        final List<byte[]> scanned = new ArrayList<>();
        store.forEachKey(key -> scanned.add(key.getBytes(StandardCharsets.UTF_8)));
        scanned.sort(Arrays::compareUnsigned);
        final int page = 100_000;
        int at = 0;
        while (true)
        {
            final List<String> listed = store.keys("", at, page);
            for (final String key : listed)
            {
                if (at >= scanned.size() || !Arrays.equals(scanned.get(at), key.getBytes(StandardCharsets.UTF_8)))
                {
                    return false;
                }
                at++;
            }
            if (listed.size() < page)
            {
                return at == scanned.size() && store.size() == at;
            }
        }
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] round(final double[] values)
    {
        final double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++)
        {
            out[i] = Math.round(values[i] * 10) / 10.0;
        }
        return out;
    }

    private static double millis(final long start)
    {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double seconds(final long start)
    {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(final String format, final Object... args)
    {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (var paths = Files.walk(dir))
        {
            for (final Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }
}
