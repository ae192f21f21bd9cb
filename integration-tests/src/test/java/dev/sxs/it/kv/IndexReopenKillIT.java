package dev.sxs.it.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.sxs.it.ForkedJvm;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reopened store's iteration equals a full scan of its map: after a real {@code kill -9} of the owner in
 * the middle of adding and removing keys (the index is rebuilt from the map in the background), and after the
 * clean close that follows (the index is read from {@code store.index}). 100,000 keys.
 */
class IndexReopenKillIT
{
    private static final int KEYS = 100_000;

    static KvOptions options(final Path dir)
    {
        return ChurnWriterMain.sizing(dir);
    }

    @Test
    void shouldIterateExactlyTheMapsKeysAfterKill9AndAfterACleanClose(@TempDir final Path dir) throws Exception
    {
        final Path data = dir.resolve("data");
        try (ForkedJvm child = ForkedJvm.start(ChurnWriterMain.class, dir.resolve("child.err"), data.toString(),
            Integer.toString(KEYS)))
        {
            child.awaitLine("ack 5000");
            child.kill9();
        }
        final List<String> afterKill;
        try (ChronicleKvStore store = ChronicleKvStore.open(options(data)))
        {
            assertTrue(store.recovered());
            assertFalse(store.indexLoaded(), "an index left by a killed owner is never trusted");
            assertEquals("7", store.get("k:7"), "point operations are served at once");
            afterKill = MapScan.sortedKeys(store);
            assertTrue(afterKill.size() >= KEYS + 50, "keys in the map: " + afterKill.size());
            assertEquals(afterKill, store.keys("", 0, Integer.MAX_VALUE));
            assertEquals(store.size(), afterKill.size());
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(options(data)))
        {
            assertFalse(store.recovered());
            assertTrue(store.indexLoaded(), "a clean close leaves an index file the next open reads");
            assertEquals(afterKill, MapScan.sortedKeys(store));
            assertEquals(afterKill, store.keys("", 0, Integer.MAX_VALUE));
        }
    }
}
