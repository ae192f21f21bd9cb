package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The sparse store's free-space guard, with a stand-in file system. */
class StoreSpaceTest
{
    private static final Path FOLDER = Path.of("/srv/small/data");
    private static final long MIN_FREE = 1L << 20;

    private final AtomicLong free = new AtomicLong(100L << 20);
    private final AtomicInteger measures = new AtomicInteger();
    private final StoreSpace space = new StoreSpace(FOLDER, folder ->
    {
        measures.incrementAndGet();
        return free.get();
    }, MIN_FREE);

    @Test
    void shouldMeasureTheDiskAboutOncePerAllowanceOfWrites()
    {
        final String value = "x".repeat(100);
        for (int i = 0; i < 10_000; i++)
        {
            space.reserve("key-" + i, value);
        }
        final long written = 10_000L * (3L * (8 + 100) + StoreSpace.ENTRY_OVERHEAD_BYTES);
        final long expected = written / StoreSpace.allowanceFor(free.get() - MIN_FREE);
        assertTrue(measures.get() >= expected && measures.get() <= expected + 2, measures + " measures, expected about "
            + expected);
    }

    @Test
    void shouldMeasureLessOftenTheMoreRoomTheDiskHas()
    {
        assertEquals(StoreSpace.MAX_MEASURE_EVERY_BYTES, StoreSpace.allowanceFor(50L << 30));
        assertEquals(StoreSpace.MAX_MEASURE_EVERY_BYTES, StoreSpace.allowanceFor(1L << 30));
        assertEquals(100L << 10, StoreSpace.allowanceFor(100L << 20));
        assertEquals(StoreSpace.MEASURE_EVERY_BYTES, StoreSpace.allowanceFor(10L << 20));
        assertEquals(1000, StoreSpace.allowanceFor(1000), "never more than the room");
        free.set(50L << 30);
        final String value = "x".repeat(100);
        for (int i = 0; i < 10_000; i++)
        {
            space.reserve("key-" + i, value);
        }
        assertTrue(measures.get() <= 10_000L * (3L * (8 + 100) + StoreSpace.ENTRY_OVERHEAD_BYTES)
            / StoreSpace.MAX_MEASURE_EVERY_BYTES + 2, measures + " measures");
    }

    @Test
    void shouldRefuseAWriteThatWouldLeaveLessThanTheMinimumFreeNamingTheFolder()
    {
        free.set(MIN_FREE + 1000);
        space.reserve("small", "v");
        final KvFullException refused = assertThrows(KvFullException.class,
            () -> space.reserve("big", "x".repeat(400)));
        assertTrue(refused.getMessage().startsWith("store disk full: " + FOLDER + " has " + (MIN_FREE + 1000)
            + " bytes free"), refused.getMessage());
        assertTrue(refused.getMessage().contains("key 'big' not written"), refused.getMessage());
        assertEquals("kv full: " + refused.getMessage(), refused.languageMessage());
    }

    @Test
    void shouldAcceptWritesAgainOnceSpaceIsFreed()
    {
        free.set(MIN_FREE);
        assertThrows(KvFullException.class, () -> space.reserve("k", "v"));
        free.set(MIN_FREE + (10L << 20));
        space.reserve("k", "v");
        final StoreSpace full = new StoreSpace(FOLDER, folder -> MIN_FREE, MIN_FREE);
        assertThrows(KvFullException.class, () -> full.reserve("k", ""));
    }

    @Test
    void shouldWriteAsBeforeWhenTheFileSystemCannotSayItsFreeSpace()
    {
        final StoreSpace unknown = new StoreSpace(FOLDER, folder ->
        {
            throw new IOException("statfs failed");
        }, MIN_FREE);
        for (int i = 0; i < 1000; i++)
        {
            unknown.reserve("k" + i, "value");
        }
    }
}
