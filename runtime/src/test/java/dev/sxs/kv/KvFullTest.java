package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvFullTest
{
    private static final int HARD_STOP = 1_000_000;

    /** Fill the store with new keys until it refuses one; returns how many fitted. */
    private static int fill(final KvStore store)
    {
        for (int i = 0; i < HARD_STOP; i++)
        {
            try
            {
                store.put("key:" + i, "\"value " + i + "\"");
            }
            catch (final KvFullException ex)
            {
                System.out.println("store full after " + i + " entries: " + ex.getMessage() + " / cause: "
                    + ex.getCause());
                assertTrue(ex.getMessage().contains("kv.entries=100"), ex.getMessage());
                assertTrue(ex.getMessage().contains("key:" + i), ex.getMessage());
                return i;
            }
        }
        return fail("store never filled up after " + HARD_STOP + " puts");
    }

    private static void assertStillUsable(final KvStore store, final int stored)
    {
        assertEquals(stored, store.size());
        assertEquals(stored, store.keys("key:", 0, Integer.MAX_VALUE).size());
        for (int i = 0; i < stored; i++)
        {
            assertEquals("\"value " + i + "\"", store.get("key:" + i));
        }
        assertThrows(KvFullException.class, () -> store.putIfAbsent("another", "1"));
        assertEquals(null, store.get("another"));
        assertTrue(store.replace("key:0", "\"value 0\"", "0"));
        assertTrue(store.remove("key:1"));
        assertTrue(store.remove("key:2"));
        store.put("after", "1");
        assertEquals("1", store.get("after"));
    }

    @Test
    void shouldThrowKvFullAndStayUsableInMemory()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(KvOptions.inMemory(100)))
        {
            final int stored = fill(store);
            assertTrue(stored >= 100, "fitted " + stored);
            assertStillUsable(store, stored);
        }
    }

    @Test
    void shouldThrowKvFullAndStayUsableWhenPersisted(@TempDir final Path dir)
    {
        final KvOptions options = KvOptions.inMemory(100).withFolder(dir);
        final int stored;
        try (ChronicleKvStore store = ChronicleKvStore.open(options))
        {
            stored = fill(store);
            assertTrue(stored >= 100, "fitted " + stored);
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(options))
        {
            assertStillUsable(store, stored);
        }
    }

    @Test
    void shouldThrowKvFullForAValueTooLargeForTheStore()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(KvOptions.inMemory(100)))
        {
            store.put("small", "1");
            final String huge = "\"" + "x".repeat(2_000_000) + "\"";
            final KvFullException error = assertThrows(KvFullException.class, () -> store.put("huge", huge));
            assertNotNull(error.getCause());
            assertEquals("1", store.get("small"));
            assertEquals(null, store.get("huge"));
        }
    }

    @Test
    void shouldRefuseAValueTooLargeForAnEntryNamingItsSize()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(KvOptions.inMemory(1000)))
        {
            final String big = "\"" + "x".repeat(1 << 20) + "\"";
            final KvFullException ex = assertThrows(KvFullException.class, () -> store.put("big", big));
            assertTrue(ex.getMessage().startsWith("value too large: key 'big' has a value of 1048578 bytes, "),
                ex.getMessage());
            assertTrue(ex.valueTooLarge());
            assertEquals(ex.getMessage(), ex.languageMessage(), "not reported as a full store");
            store.put("small", "1");
            assertEquals("1", store.get("small"));
        }
    }
}
