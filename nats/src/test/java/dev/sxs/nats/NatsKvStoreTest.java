package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.runtime.Config;

/**
 * The NATS store against a real 3-node cluster (R3 buckets): every operation, two stores (two connections, as two
 * JVMs have) racing on one bucket, the ordered index seeing the other store's writes.
 */
class NatsKvStoreTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(3);

    static NatsKvStore open(final String bucket)
    {
        return open(bucket, 3);
    }

    static NatsKvStore open(final String bucket, final int replicas)
    {
        return open(bucket, replicas, 5000);
    }

    private static NatsKvStore open(final String bucket, final int replicas, final long timeoutMillis)
    {
        final Config config = Config.parse(Map.of("backend", "nats", "nats.servers", NATS.cluster().servers(),
            "nats.bucket", bucket, "nats.replicas", Integer.toString(replicas),
            "nats.timeoutMillis", Long.toString(timeoutMillis)));
        return NatsKvStore.open(config.backend(), SxsThreadFactory.create());
    }

    private static String bucket(final TestInfo test)
    {
        return test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void shouldGetSetDeleteAndTellWhatExists(final TestInfo test)
    {
        try (NatsKvStore store = open(bucket(test)))
        {
            assertNull(store.get("a"));
            assertFalse(store.containsKey("a"));
            store.put("a", "1");
            assertEquals("1", store.get("a"));
            assertTrue(store.containsKey("a"));
            store.put("a", "\"two\"");
            assertEquals("\"two\"", store.get("a"));
            assertTrue(store.remove("a"));
            assertFalse(store.remove("a"));
            assertNull(store.get("a"));
            assertEquals(0, store.size());
        }
    }

    @Test
    void shouldCreateOnlyWhenAbsentAgainAfterADelete(final TestInfo test)
    {
        try (NatsKvStore store = open(bucket(test)))
        {
            assertTrue(store.putIfAbsent("k", "1"));
            assertFalse(store.putIfAbsent("k", "2"));
            assertEquals("1", store.get("k"));
            assertTrue(store.remove("k"));
            assertTrue(store.putIfAbsent("k", "3"));
            assertEquals("3", store.get("k"));
        }
    }

    @Test
    void shouldReplaceOnlyTheExpectedValue(final TestInfo test)
    {
        try (NatsKvStore store = open(bucket(test)))
        {
            assertFalse(store.replace("k", "1", "2"), "absent");
            store.put("k", "1");
            assertFalse(store.replace("k", "9", "2"), "different");
            assertTrue(store.replace("k", "1", "2"));
            assertEquals("2", store.get("k"));
        }
    }

    /**
     * On one replica: Debian's nats-server 2.9.10 does not serialise conditional writes on a replicated stream
     * (nats-io/nats-server#4320, fixed in 2.9.21), so on R3 this count comes out short there.
     */
    @Test
    void shouldCountExactlyWhenTwoConnectionsIncrementTogether(final TestInfo test) throws Exception
    {
        final int perWorker = 50;
        try (NatsKvStore one = open(bucket(test), 1); NatsKvStore two = open(bucket(test), 1))
        {
            final ExecutorService pool = Executors.newFixedThreadPool(4);
            try
            {
                final CountDownLatch go = new CountDownLatch(1);
                final List<Future<?>> workers = new ArrayList<>();
                final AtomicInteger created = new AtomicInteger();
                for (int w = 0; w < 4; w++)
                {
                    final NatsKvStore store = w % 2 == 0 ? one : two;
                    workers.add(pool.submit(() ->
                    {
                        go.await();
                        for (int i = 0; i < perWorker; i++)
                        {
                            increment(store, created);
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (final Future<?> worker : workers)
                {
                    worker.get(120, TimeUnit.SECONDS);
                }
                assertEquals(Integer.toString(4 * perWorker), one.get("n"));
                assertEquals(1, created.get(), "one create won");
            }
            finally
            {
                pool.shutdownNow();
            }
        }
    }

    /** The language's incr: create, else compare-and-set the read value plus one. */
    private static void increment(final NatsKvStore store, final AtomicInteger created)
    {
        while (true)
        {
            final String current = store.get("n");
            if (current == null)
            {
                if (store.putIfAbsent("n", "1"))
                {
                    created.incrementAndGet();
                    return;
                }
                continue;
            }
            if (store.replace("n", current, Long.toString(Long.parseLong(current) + 1)))
            {
                return;
            }
        }
    }

    @Test
    void shouldListKeysInByteOrderWithOffsetAndLimitWhateverTheirCharacters(final TestInfo test)
    {
        try (NatsKvStore store = open(bucket(test)))
        {
            for (final String key : List.of("p:b", "p:a.b", "p:a", "p: x", "p:\uD83D\uDE00", "p:\uFFFD", "q", "o"))
            {
                store.put(key, "1");
            }
            assertEquals(List.of("p: x", "p:a", "p:a.b", "p:b", "p:\uFFFD", "p:\uD83D\uDE00"),
                store.keys("p:", 0, 100));
            assertEquals(List.of("p:a.b", "p:b"), store.keys("p:", 2, 2));
            assertEquals(List.of("o", "p: x"), store.keys("", 0, 2));
            assertEquals(8, store.size());
            store.remove("p:a");
            assertEquals(List.of("p: x", "p:a.b"), store.keys("p:", 0, 2));
        }
    }

    @Test
    void shouldListAnotherConnectionsWritesSoonAndKeysThatExistedAtOpen(final TestInfo test) throws Exception
    {
        try (NatsKvStore writer = open(bucket(test)))
        {
            writer.put("before", "1");
            try (NatsKvStore reader = open(bucket(test)))
            {
                assertEquals(List.of("before"), reader.keys("", 0, 10), "filled at open");
                long worstNanos = 0;
                for (int i = 0; i < 20; i++)
                {
                    final String key = "k" + i;
                    final long start = System.nanoTime();
                    writer.put(key, "1");
                    while (!reader.keys(key, 0, 1).contains(key))
                    {
                        Thread.onSpinWait();
                        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "seen within 10 s");
                    }
                    worstNanos = Math.max(worstNanos, System.nanoTime() - start);
                }
                System.out.printf("index lag of another connection's put, worst of 20: %.1f ms%n", worstNanos / 1e6);
                writer.remove("k0");
                final long start = System.nanoTime();
                while (reader.keys("k0", 0, 1).contains("k0"))
                {
                    Thread.onSpinWait();
                    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "delete seen within 10 s");
                }
            }
        }
    }

    @Test
    void shouldKeepWorkingWithOneNodeDown(final TestInfo test) throws Exception
    {
        // when the killed node led the bucket's stream, writes wait for NATS to elect another leader: seconds,
        // more on a loaded machine than the default 5 s a store call may wait
        try (NatsKvStore store = open(bucket(test), 3, 30_000))
        {
            store.put("a", "1");
            NATS.cluster().kill(2);
            try
            {
                store.put("b", "2");
                assertEquals("1", store.get("a"));
                assertTrue(store.replace("a", "1", "3"));
                assertTrue(store.putIfAbsent("c", "4"));
                assertEquals(List.of("a", "b", "c"), store.keys("", 0, 10));
            }
            finally
            {
                NATS.cluster().startNode(2);
                NATS.cluster().awaitJetStream();
            }
        }
    }
}
