package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChronicleKvStoreConcurrencyTest
{
    private static final int THREADS = 4;

    private ExecutorService pool;
    private ChronicleKvStore store;

    @BeforeEach
    void open()
    {
        pool = Executors.newFixedThreadPool(THREADS + 1);
        store = ChronicleKvStore.open(KvOptions.inMemory(100000));
    }

    @AfterEach
    void close()
    {
        pool.shutdownNow();
        store.close();
    }

    private void runAll(final Runnable task) throws Exception
    {
        final CountDownLatch start = new CountDownLatch(1);
        final List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++)
        {
            futures.add(pool.submit(() ->
            {
                start.await();
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (final Future<?> future : futures)
        {
            future.get();
        }
    }

    @Test
    void shouldHaveExactlyOneWinnerOfRacingPutIfAbsent() throws Exception
    {
        final int keys = 2000;
        final AtomicInteger[] winners = new AtomicInteger[keys];
        Arrays.setAll(winners, i -> new AtomicInteger());
        runAll(() ->
        {
            final String me = Thread.currentThread().getName();
            for (int i = 0; i < keys; i++)
            {
                if (store.putIfAbsent("race:" + i, "\"" + me + "\""))
                {
                    winners[i].incrementAndGet();
                }
            }
        });
        for (int i = 0; i < keys; i++)
        {
            assertEquals(1, winners[i].get(), "winners of race:" + i);
        }
        assertEquals(keys, store.size());
        assertEquals(keys, store.keys("race:", 0, Integer.MAX_VALUE).size());
    }

    @Test
    void shouldCountExactlyWithAReplaceLoopIncrement() throws Exception
    {
        final int perThread = 5000;
        runAll(() ->
        {
            for (int i = 0; i < perThread; i++)
            {
                increment("counter");
            }
        });
        assertEquals(Integer.toString(THREADS * perThread), store.get("counter"));
    }

    private void increment(final String key)
    {
        while (true)
        {
            final String current = store.get(key);
            if (current == null)
            {
                if (store.putIfAbsent(key, "1"))
                {
                    return;
                }
            }
            else if (store.replace(key, current, Long.toString(Long.parseLong(current) + 1)))
            {
                return;
            }
        }
    }

    @Test
    void shouldKeepIndexAndMapConsistentUnderConcurrentPutAndRemove() throws Exception
    {
        runAll(() ->
        {
            final ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 20_000; i++)
            {
                final String key = "churn:" + random.nextInt(3000);
                switch (random.nextInt(4))
                {
                    case 0 -> store.remove(key);
                    case 1 -> store.putIfAbsent(key, "1");
                    default -> store.put(key, Integer.toString(i));
                }
            }
        });
        final TreeSet<byte[]> mapKeys = new TreeSet<>(Arrays::compareUnsigned);
        for (int i = 0; i < 3000; i++)
        {
            if (store.containsKey("churn:" + i))
            {
                mapKeys.add(("churn:" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        final List<String> expected = new ArrayList<>();
        mapKeys.forEach(k -> expected.add(new String(k, StandardCharsets.UTF_8)));
        assertEquals(expected, store.keys("", 0, Integer.MAX_VALUE));
        assertEquals(store.size(), store.index().size());
    }

    @Test
    void shouldNeverMissAStableKeyNorRepeatOneWhileOthersChurn() throws Exception
    {
        final int stable = 2000;
        for (int i = 0; i < stable; i++)
        {
            store.put(String.format("s:%05d", i * 2), "1");
        }
        final CountDownLatch writersDone = new CountDownLatch(THREADS - 1);
        final Future<Integer> reader = pool.submit(() ->
        {
            int scans = 0;
            while (writersDone.getCount() > 0 || scans < 5)
            {
                final List<String> keys = store.keys("s:", 0, Integer.MAX_VALUE);
                int seenStable = 0;
                for (int i = 0; i < keys.size(); i++)
                {
                    if (i > 0)
                    {
                        assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0, "order/duplicate at " + keys.get(i));
                    }
                    if (Integer.parseInt(keys.get(i).substring(2)) % 2 == 0)
                    {
                        seenStable++;
                    }
                }
                assertEquals(stable, seenStable, "stable keys seen in scan " + scans);
                scans++;
            }
            return scans;
        });
        final List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS - 1; t++)
        {
            writers.add(pool.submit(() ->
            {
                try
                {
                    final ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 10_000; i++)
                    {
                        final String key = String.format("s:%05d", random.nextInt(stable) * 2 + 1);
                        if (random.nextBoolean())
                        {
                            store.put(key, "2");
                        }
                        else
                        {
                            store.remove(key);
                        }
                    }
                }
                finally
                {
                    writersDone.countDown();
                }
            }));
        }
        for (final Future<?> writer : writers)
        {
            writer.get();
        }
        assertTrue(reader.get() >= 5);
    }
}
