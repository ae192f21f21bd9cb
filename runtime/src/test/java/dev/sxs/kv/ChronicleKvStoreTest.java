package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleKvStoreTest
{
    private static KvOptions memory()
    {
        return KvOptions.inMemory(10000);
    }

    private static KvOptions persisted(final Path dir)
    {
        return KvOptions.inMemory(10000).withFolder(dir);
    }

    @Test
    void shouldPutGetAndRemoveInMemory()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(memory()))
        {
            assertNull(store.file());
            assertNull(store.get("a"));
            store.put("a", "5");
            store.put("b", "\"text\"");
            assertEquals("5", store.get("a"));
            assertEquals("\"text\"", store.get("b"));
            store.put("a", "6");
            assertEquals("6", store.get("a"));
            assertEquals(2, store.size());
            assertTrue(store.containsKey("a"));
            assertTrue(store.remove("a"));
            assertFalse(store.remove("a"));
            assertFalse(store.containsKey("a"));
            assertEquals(1, store.size());
            assertEquals(List.of("b"), store.keys("", 0, 10));
            assertTrue(store.offHeapBytes() > 0);
            assertEquals(10000, store.capacity());
        }
    }

    @Test
    void shouldPutIfAbsentOnlyOnce()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(memory()))
        {
            assertTrue(store.putIfAbsent("k", "1"));
            assertFalse(store.putIfAbsent("k", "2"));
            assertEquals("1", store.get("k"));
            assertEquals(List.of("k"), store.keys("", 0, 10));
        }
    }

    @Test
    void shouldReplaceOnlyWhenTextMatches()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(memory()))
        {
            assertFalse(store.replace("k", "1", "2"));
            assertNull(store.get("k"));
            store.put("k", "5");
            assertFalse(store.replace("k", "\"5\"", "6"));
            assertTrue(store.replace("k", "5", "6"));
            assertEquals("6", store.get("k"));
        }
    }

    @Test
    void shouldListKeysInUtf8ByteOrderWithOffsetAndLimit()
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(memory()))
        {
            for (final String key : List.of("user:2", "user:10", "user:1", "usex", "use", "zeta", "\u00e9t\u00e9",
                "user:\uD83D\uDE00", "user:\uFFFD"))
            {
                store.put(key, "1");
            }
            assertEquals(List.of("user:1", "user:10", "user:2", "user:\uFFFD", "user:\uD83D\uDE00"),
                store.keys("user:", 0, 100));
            assertEquals(List.of("user:10", "user:2"), store.keys("user:", 1, 2));
            assertEquals(List.of(), store.keys("user:", 5, 2));
            assertEquals(List.of(), store.keys("user:", 0, 0));
            assertEquals(List.of("use", "user:1", "user:10", "user:2", "user:\uFFFD", "user:\uD83D\uDE00", "usex",
                "zeta", "\u00e9t\u00e9"),
                store.keys("", 0, 100));
            assertEquals(List.of(), store.keys("nope", 0, 100));
        }
    }

    @Test
    void shouldPersistAcrossCleanReopen(@TempDir final Path dir)
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals(dir.resolve(ChronicleKvStore.STORE_FILE), store.file());
            assertFalse(store.recovered());
            store.put("x:1", "1");
            store.put("x:2", "[1 2]");
            store.put("gone", "1");
            store.remove("gone");
        }
        assertTrue(Files.exists(dir.resolve(ChronicleKvStore.CLEAN_MARKER)));
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertFalse(store.recovered());
            assertFalse(Files.exists(dir.resolve(ChronicleKvStore.CLEAN_MARKER)));
            assertEquals("1", store.get("x:1"));
            assertEquals("[1 2]", store.get("x:2"));
            assertNull(store.get("gone"));
            assertEquals(List.of("x:1", "x:2"), store.keys("", 0, 10));
        }
    }

    @Test
    void shouldRefuseASecondOpenOfTheSameFolderInOneProcess(@TempDir final Path dir)
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            store.put("k", "1");
            final DataFolderLockedException error = assertThrows(DataFolderLockedException.class,
                () -> ChronicleKvStore.open(persisted(dir)));
            assertTrue(error.getMessage().contains(dir.toAbsolutePath().toString()), error.getMessage());
            assertTrue(error.getMessage().contains("pid " + ProcessHandle.current().pid()), error.getMessage());
            assertEquals("1", store.get("k"));
        }
        try (ChronicleKvStore again = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals("1", again.get("k"));
        }
    }

    @Test
    void shouldFailEveryCallAfterCloseAndCloseTwice()
    {
        final ChronicleKvStore store = ChronicleKvStore.open(memory());
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.get("k"));
        assertThrows(IllegalStateException.class, () -> store.put("k", "1"));
        assertThrows(IllegalStateException.class, () -> store.keys("", 0, 1));
    }

    @Test
    void shouldRecoverWhenTheCleanMarkerIsMissing(@TempDir final Path dir) throws Exception
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            store.put("a", "1");
            store.put("b", "2");
        }
        Files.delete(dir.resolve(ChronicleKvStore.CLEAN_MARKER));
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertTrue(store.recovered());
            assertEquals("1", store.get("a"));
            assertEquals(List.of("a", "b"), store.keys("", 0, 10));
            store.put("c", "3");
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertFalse(store.recovered());
            assertEquals(3, store.size());
        }
    }

    @Test
    void shouldRecoverEveryEntryOfAStoreThatGrewIntoExtraTiers(@TempDir final Path dir) throws Exception
    {
        final KvOptions options = new KvOptions(dir, 1000, 12, 8);
        final int count = 3000;
        try (ChronicleKvStore store = ChronicleKvStore.open(options))
        {
            for (int i = 0; i < count; i++)
            {
                store.put("key:" + i, Integer.toString(i));
            }
        }
        Files.delete(dir.resolve(ChronicleKvStore.CLEAN_MARKER));
        try (ChronicleKvStore store = ChronicleKvStore.open(options))
        {
            assertTrue(store.recovered());
            assertEquals(count, store.size());
            for (int i = 0; i < count; i++)
            {
                assertEquals(Integer.toString(i), store.get("key:" + i), "key:" + i);
            }
            assertEquals(count, store.keys("", 0, Integer.MAX_VALUE).size());
        }
    }
}
