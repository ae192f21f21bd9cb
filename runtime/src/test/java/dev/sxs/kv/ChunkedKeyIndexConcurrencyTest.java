package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * Tiny chunks so that concurrent adds and removes split and merge chunks all the time under readers.
 */
class ChunkedKeyIndexConcurrencyTest
{
    private static byte[] b(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepStableKeysVisibleInOrderWhileChunksSplitAndMerge() throws Exception
    {
        final ChunkedKeyIndex index = new ChunkedKeyIndex(4, 1 << 20);
        final int stable = 1000;
        for (int i = 0; i < stable; i++)
        {
            index.add(b(String.format("k%05d", i * 4)));
        }
        final int writers = 3;
        final ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try
        {
            final CountDownLatch done = new CountDownLatch(writers);
            final Future<Integer> reader = pool.submit(() ->
            {
                int scans = 0;
                while (done.getCount() > 0 || scans < 5)
                {
                    final List<String> keys = index.keys(b("k"), 0, Integer.MAX_VALUE);
                    int seenStable = 0;
                    for (int i = 0; i < keys.size(); i++)
                    {
                        if (i > 0)
                        {
                            assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0, "order/duplicate at " + keys.get(i));
                        }
                        if (Integer.parseInt(keys.get(i).substring(1)) % 4 == 0)
                        {
                            seenStable++;
                        }
                    }
                    assertEquals(stable, seenStable, "scan " + scans);
                    final List<String> page = index.keys(b("k"), 100, 10);
                    assertEquals(10, page.size());
                    scans++;
                }
                return scans;
            });
            final List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++)
            {
                final int lane = w + 1;
                futures.add(pool.submit(() ->
                {
                    try
                    {
                        final ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < 100_000; i++)
                        {
                            final byte[] key = b(String.format("k%05d", random.nextInt(stable) * 4 + lane));
                            if (random.nextBoolean())
                            {
                                index.add(key);
                            }
                            else
                            {
                                index.remove(key);
                            }
                        }
                    }
                    finally
                    {
                        done.countDown();
                    }
                }));
            }
            for (final Future<?> future : futures)
            {
                future.get();
            }
            assertTrue(reader.get() >= 5);
            final List<String> all = index.keys(b(""), 0, Integer.MAX_VALUE);
            assertEquals(index.size(), all.size());
            for (final String key : all)
            {
                assertTrue(index.contains(b(key)), key);
            }
        }
        finally
        {
            pool.shutdownNow();
        }
    }
}
