package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import dev.sxs.concurrent.SxsThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindKeyIndexTest
{
    private static final int THREADS = 4;
    /** A store's insert+remove takes about this long at 1M keys on a quiet machine. */
    private static final long STREAM_PAIR_NANOS = 3_000;

    private ExecutorService pool;

    @BeforeEach
    void start()
    {
        pool = Executors.newFixedThreadPool(THREADS + 1);
    }

    @AfterEach
    void stop()
    {
        pool.shutdownNow();
    }

    private static ChronicleKvStore memoryStore()
    {
        return ChronicleKvStore.open(KvOptions.inMemory(100000));
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Polls a condition the indexer thread makes true; fails after a generous deadline. */
    private static void awaitTrue(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.yield();
        }
    }

    private static List<String> liveIndexerThreads()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals(WriteBehindKeyIndex.THREAD_NAME) && thread.isAlive())
            {
                names.add(thread.getName());
            }
        }
        return names;
    }

    @Test
    void shouldSeeAKeyInKeysRightAfterItsPut()
    {
        try (ChronicleKvStore store = memoryStore())
        {
            for (int i = 0; i < 5_000; i++)
            {
                final String key = String.format("k:%05d", i);
                store.put(key, "1");
                assertEquals(List.of(key), store.keys(key, 0, 10), "right after put of " + key);
                if (i % 2 == 0)
                {
                    assertTrue(store.remove(key));
                    assertEquals(List.of(), store.keys(key, 0, 10), "right after remove of " + key);
                }
            }
            assertEquals(2_500, store.keys("k:", 0, Integer.MAX_VALUE).size());
            assertEquals(2_500, store.index().size());
        }
    }

    @Test
    void shouldSeeAKeyPutByAnotherThreadOnceThatPutReturned() throws Exception
    {
        try (ChronicleKvStore store = memoryStore())
        {
            for (int i = 0; i < 2_000; i++)
            {
                final String key = "other:" + i;
                pool.submit(() -> store.put(key, "1")).get();
                assertTrue(store.index().contains(utf8(key)), key);
                pool.submit(() -> store.remove(key)).get();
                assertFalse(store.index().contains(utf8(key)), key);
            }
        }
    }

    @Test
    void shouldEndWithIndexEqualToMapAfterRacingPutRemovePutOfOneKey() throws Exception
    {
        try (ChronicleKvStore store = memoryStore())
        {
            for (int round = 0; round < 200; round++)
            {
                final String key = "hot:" + (round % 7);
                final CountDownLatch start = new CountDownLatch(1);
                final List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++)
                {
                    futures.add(pool.submit(() ->
                    {
                        start.await();
                        for (int i = 0; i < 200; i++)
                        {
                            store.put(key, "1");
                            store.remove(key);
                            store.putIfAbsent(key, "2");
                        }
                        if (ThreadLocalRandom.current().nextBoolean())
                        {
                            store.remove(key);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (final Future<?> future : futures)
                {
                    future.get();
                }
                final boolean inMap = store.containsKey(key);
                assertEquals(inMap, store.index().contains(utf8(key)), "index vs map for " + key + " in round "
                    + round);
                assertEquals(inMap ? List.of(key) : List.of(), store.keys(key, 0, 10));
                assertEquals(store.size(), store.index().size(), "sizes in round " + round);
            }
        }
    }

    @Test
    void shouldNeverReturnAKeyTwiceNorMissAStableOneUnderChurn() throws Exception
    {
        try (ChronicleKvStore store = memoryStore())
        {
            final int stable = 1_000;
            for (int i = 0; i < stable; i++)
            {
                store.put(String.format("c:%05d", i * 2), "1");
            }
            final AtomicBoolean writing = new AtomicBoolean(true);
            final CountDownLatch writersDone = new CountDownLatch(THREADS - 1);
            final Future<Integer> reader = pool.submit(() ->
            {
                int scans = 0;
                while (writing.get() || scans < 5)
                {
                    final List<String> keys = store.keys("c:", 0, Integer.MAX_VALUE);
                    final Set<String> seen = new HashSet<>();
                    int seenStable = 0;
                    for (final String key : keys)
                    {
                        assertTrue(seen.add(key), "key returned twice: " + key);
                        if (Integer.parseInt(key.substring(2)) % 2 == 0)
                        {
                            seenStable++;
                        }
                    }
                    assertEquals(stable, seenStable, "stable keys in scan " + scans);
                    scans++;
                }
                return scans;
            });
            for (int t = 0; t < THREADS - 1; t++)
            {
                pool.submit(() ->
                {
                    try
                    {
                        final ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < 20_000; i++)
                        {
                            final String key = String.format("c:%05d", random.nextInt(stable) * 2 + 1);
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
                    return null;
                });
            }
            writersDone.await();
            writing.set(false);
            assertTrue(reader.get() >= 5);
            final List<String> expected = new ArrayList<>();
            for (int i = 0; i < stable * 2; i++)
            {
                final String key = String.format("c:%05d", i);
                if (store.containsKey(key))
                {
                    expected.add(key);
                }
            }
            assertEquals(expected, store.keys("c:", 0, Integer.MAX_VALUE));
        }
    }

    @Test
    void shouldLeaveNoIndexerThreadAfterClose(@TempDir final Path dir)
    {
        final ChronicleKvStore memory = memoryStore();
        final ChronicleKvStore persisted = ChronicleKvStore.open(KvOptions.inMemory(10000).withFolder(dir));
        final Thread memoryIndexer = ((WriteBehindKeyIndex)memory.index()).indexerThread();
        final Thread persistedIndexer = ((WriteBehindKeyIndex)persisted.index()).indexerThread();
        assertTrue(memoryIndexer.isAlive());
        assertTrue(memoryIndexer.isDaemon());
        assertEquals(WriteBehindKeyIndex.THREAD_NAME, memoryIndexer.getName());
        for (int i = 0; i < 10_000; i++)
        {
            memory.put("x:" + i, "1");
            persisted.put("x:" + i, "1");
        }
        memory.close();
        persisted.close();
        assertFalse(memoryIndexer.isAlive());
        assertFalse(persistedIndexer.isAlive());
        assertEquals(List.of(), liveIndexerThreads());
    }

    @Test
    void shouldTakeChangesWithoutWaitingWhileTheInitialBuildRunsAndApplyThemAfterIt() throws Exception
    {
        final CountDownLatch building = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final IndexBuild build = cancelled ->
        {
            building.countDown();
            awaitUninterruptibly(release);
            return ChunkedKeyIndex.build(new byte[][] {utf8("old:1"), utf8("old:2"), utf8("gone")});
        };
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(build, 4, SxsThreadFactory.create()))
        {
            assertTrue(building.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 1_000; i++)
            {
                index.record("new:" + i, true); // far more than the log holds: never held up
            }
            index.record("gone", false);
            index.record("old:1", true); // seen by the build and added again: harmless
            assertFalse(index.complete());
            final Future<List<String>> read = pool.submit(() -> index.keys(utf8("old:"), 0, 10));
            assertFalse(awaitDone(read, 200), "a read waits for the build");
            release.countDown();
            assertEquals(List.of("old:1", "old:2"), read.get(10, TimeUnit.SECONDS));
            assertTrue(index.complete());
            assertEquals(1_002, index.size());
            assertFalse(index.contains(utf8("gone")));
            assertTrue(index.contains(utf8("new:999")));
        }
    }

    @Test
    void shouldListNeitherKeysInsertedAndRemovedInPairsNorOnesTheBuildSawBeforeTheirRemove() throws Exception
    {
        final CountDownLatch building = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final IndexBuild build = cancelled ->
        {
            building.countDown();
            awaitUninterruptibly(release);
            // the scan saw "seen", which a writer added during the build and removed again
            return ChunkedKeyIndex.build(new byte[][] {utf8("keep"), utf8("seen")});
        };
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(build, 64, SxsThreadFactory.create()))
        {
            assertTrue(building.await(10, TimeUnit.SECONDS));
            index.record("seen", true);
            index.record("seen", false);
            release.countDown();
            index.awaitBuilt();
            for (int i = 0; i < 10_000; i++)
            {
                index.record("pair:" + i, true);
                index.record("pair:" + i, false);
                if (i % 100 == 0)
                {
                    index.record("left:" + i, true);
                }
            }
            final List<String> expected = new ArrayList<>(List.of("keep"));
            for (int i = 0; i < 10_000; i += 100)
            {
                expected.add("left:" + i);
            }
            expected.sort(String::compareTo);
            assertEquals(expected, index.keys(new byte[0], 0, Integer.MAX_VALUE));
        }
    }

    @Test
    void shouldFailReadsWhenTheInitialBuildFails()
    {
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(cancelled ->
        {
            throw new IllegalStateException("scan broke");
        }, 16, SxsThreadFactory.create()))
        {
            final IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> index.keys(new byte[0], 0, 1));
            assertTrue(error.getMessage().contains("scan broke"), error.getMessage());
            assertFalse(index.complete());
        }
    }

    private static void awaitUninterruptibly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitDone(final Future<?> future, final long millis) throws Exception
    {
        try
        {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (final java.util.concurrent.TimeoutException ex)
        {
            return false;
        }
    }

    @Test
    void shouldApplyChangesInTheBackgroundWithoutAReader()
    {
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(new ChunkedKeyIndex()))
        {
            for (int i = 0; i < 1_000; i++)
            {
                index.record("b:" + i, true);
            }
            index.record("b:7", false);
            awaitTrue("the indexer to apply the log", () -> index.pendingCount() == 0 && index.index().size() == 999);
            assertFalse(index.index().contains(utf8("b:7")));
            assertTrue(index.index().contains(utf8("b:8")));
        }
    }

    @Test
    void shouldWakeASleepingIndexer()
    {
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(new ChunkedKeyIndex()))
        {
            final Thread indexer = index.indexerThread();
            awaitTrue("the idle indexer to sleep", () -> indexer.getState() == Thread.State.WAITING);
            index.record("wake", true);
            awaitTrue("the woken indexer to apply the change", () -> index.index().contains(utf8("wake")));
        }
    }

    @Test
    void shouldWakeTheIndexerOncePerFillOrIntervalNotPerShortBatchWhileAWriterStreams()
    {
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(new ChunkedKeyIndex()))
        {
            final String[] keys = new String[1_000];
            for (int i = 0; i < keys.length; i++)
            {
                keys[i] = "stream:" + i;
            }
            final long before = index.indexerWakeups();
            final long start = System.nanoTime();
            final long end = start + TimeUnit.MILLISECONDS.toNanos(300);
            long changes = 0;
            long next = start;
            while (next < end)
            {
                final String key = keys[(int)(changes / 2 % keys.length)];
                index.record(key, true);
                index.record(key, false);
                changes += 2;
                next += STREAM_PAIR_NANOS;
                while (System.nanoTime() < next)
                {
                    Thread.onSpinWait(); // pace the writer as a store's inserts are paced by the map
                }
            }
            final long elapsed = System.nanoTime() - start;
            final long wakeups = index.indexerWakeups() - before;
            final long bound = changes / index.wakeThreshold() + elapsed / WriteBehindKeyIndex.DEFAULT_INTERVAL_NANOS
                + 10;
            assertTrue(wakeups <= bound, wakeups + " wake-ups of the indexer for " + changes + " changes in "
                + elapsed / 1_000_000 + " ms (at most " + bound + ")");
            awaitTrue("the indexer to apply the stream", () -> index.pendingCount() == 0);
            assertEquals(0, index.size());
        }
    }

    @Test
    void shouldRunTheIndexerOnAThreadOfTheGivenFactory() throws Exception
    {
        final ClassLoader marker = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(new ChunkedKeyIndex(),
            WriteBehindKeyIndex.DEFAULT_CAPACITY, new SxsThreadFactory(marker, "sxs-test-")))
        {
            final Thread indexer = index.indexerThread();
            assertEquals(WriteBehindKeyIndex.THREAD_NAME, indexer.getName());
            assertTrue(indexer.isDaemon());
            assertEquals(marker, indexer.getContextClassLoader());
            index.record("k", true);
            awaitTrue("the indexer to apply the change", () -> index.index().contains(utf8("k")));
        }
    }

    @Test
    void shouldApplyInlineInOrderWhenTheLogIsFull() throws Exception
    {
        final ChunkedKeyIndex target = new ChunkedKeyIndex();
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(target, 4))
        {
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                final int thread = t;
                futures.add(pool.submit(() ->
                {
                    start.await();
                    for (int i = 0; i < 5_000; i++)
                    {
                        final String key = "f:" + thread + ":" + (i % 50);
                        index.record(key, true);
                        index.record(key, false);
                        index.record(key, i % 3 != 0);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (final Future<?> future : futures)
            {
                future.get();
            }
            assertTrue(index.pendingCount() <= 4);
            final List<String> expected = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                final Set<String> present = new HashSet<>();
                for (int i = 0; i < 5_000; i++)
                {
                    final String key = "f:" + t + ":" + (i % 50);
                    if (i % 3 != 0)
                    {
                        present.add(key);
                    }
                    else
                    {
                        present.remove(key);
                    }
                }
                expected.addAll(present);
            }
            expected.sort(String::compareTo);
            assertEquals(expected, index.keys(new byte[0], 0, Integer.MAX_VALUE));
            assertEquals(expected.size(), index.size());
        }
    }

    @Test
    void shouldReportTheOutcomeOfADirectAddAfterPendingChanges()
    {
        try (WriteBehindKeyIndex index = new WriteBehindKeyIndex(new ChunkedKeyIndex()))
        {
            index.record("d", true);
            assertFalse(index.add(utf8("d")));
            index.record("d", false);
            assertFalse(index.remove(utf8("d")));
            assertTrue(index.add(utf8("d")));
            assertTrue(index.contains(utf8("d")));
        }
    }
}
