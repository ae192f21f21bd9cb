package dev.sxs.bench.kv;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentSkipListSet;

import dev.sxs.kv.ChunkedKeyIndex;

/**
 * Heap bytes per key of the ordered key index at a given size, measured as the difference of used heap
 * after full GCs before and after building it (keys inserted one by one in random order, as a live
 * store does, and bulk-built, as at open), next to a {@link ConcurrentSkipListSet} of the same keys
 * as Strings, the naive alternative.
 *
 * @param keys           number of keys.
 * @param chunkedAdded   heap bytes per key, chunked index filled by random inserts.
 * @param chunkedBuilt   heap bytes per key, chunked index bulk-built from the keys.
 * @param chunkedEstimate the index's own estimate of its heap, per key (random inserts).
 * @param skipList       heap bytes per key, {@code ConcurrentSkipListSet<String>}.
 */
public record IndexFootprint(int keys, double chunkedAdded, double chunkedBuilt, double chunkedEstimate,
    double skipList)
{
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /**
     * @param keys how many keys.
     * @return the measured footprint.
     */
    public static IndexFootprint measure(final int keys)
    {
        final int[] order = KvBenchmark.shuffled(keys);

        long before = usedAfterGc();
        final ChunkedKeyIndex added = new ChunkedKeyIndex();
        for (final int i : order)
        {
            added.add(KvBenchmark.key(i).getBytes(StandardCharsets.UTF_8));
        }
        final double addedPerKey = (usedAfterGc() - before) / (double)keys;
        final double estimatePerKey = added.heapBytesEstimate() / (double)keys;
        keep(added);

        before = usedAfterGc();
        final ChunkedKeyIndex built = build(order);
        final double builtPerKey = (usedAfterGc() - before) / (double)keys;
        keep(built);

        before = usedAfterGc();
        final ConcurrentSkipListSet<String> skipList = new ConcurrentSkipListSet<>();
        for (final int i : order)
        {
            skipList.add(KvBenchmark.key(i));
        }
        final double skipListPerKey = (usedAfterGc() - before) / (double)keys;
        keep(skipList);
        keep(added);
        keep(built);
        return new IndexFootprint(keys, addedPerKey, builtPerKey, estimatePerKey, skipListPerKey);
    }

    private static ChunkedKeyIndex build(final int[] order)
    {
        final byte[][] all = new byte[order.length][];
        for (int i = 0; i < order.length; i++)
        {
            all[i] = KvBenchmark.key(order[i]).getBytes(StandardCharsets.UTF_8);
        }
        return ChunkedKeyIndex.build(all);
    }

    private static volatile Object sink;

    private static void keep(final Object o)
    {
        sink = o;
        sink = null;
    }

    private static long usedAfterGc()
    {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++)
        {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Override
    public String toString()
    {
        return String.format(
            "index heap bytes per key at %,d keys: chunked (random inserts) %.1f, chunked (bulk build) %.1f,"
            + " chunked estimate %.1f; ConcurrentSkipListSet<String> %.1f", keys, chunkedAdded, chunkedBuilt,
                chunkedEstimate, skipList);
    }
}
