package dev.sxs.it.kv;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.sxs.it.ForkedJvm;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.StoreRecovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill rounds against writers that insert, grow and remove small entries in every segment of a store whose
 * tiers chain ({@link InsertWriterMain}): after each {@code kill -9} the store must open, its index's full scan
 * must succeed and list exactly the map's keys, and it must take writes. Chronicle inserts under a segment's
 * update lock, not its write lock, so a start that opened a file in place whenever no write lock was held found
 * a tier counter one above its filled hash-lookup slots after about one kill in four (7 of 30 in a reproduction
 * of this pattern), and the scan failed with Chronicle's "Size diverged?" (docs/store.md, "Creation and
 * recovery"); this test failed so in a 12-round run. Such a kill now has the segments it left in a change repaired
 * in place (SegmentRepair); the test counts how each start opened. Rounds:
 * {@code -Dsxs.it.insertKillRounds=N}, 6 by default; the kill comes after 1 to 4 progress lines of the writers.
 */
class InsertKillIT
{
    private static final int ROUNDS = Integer.getInteger("sxs.it.insertKillRounds", 6);
    private static final String WRITER_THREADS = "3";

    @Test
    void shouldOpenAndScanTheStoreAfterEveryKillOfWritersInTheMiddleOfInserts(@TempDir final Path dir)
        throws Exception
    {
        final Path data = dir.resolve("data");
        final Path file = data.resolve(ChronicleKvStore.STORE_FILE);
        final Map<StoreRecovery, Integer> opens = new EnumMap<>(StoreRecovery.class);
        for (int round = 0; round < ROUNDS; round++)
        {
            killWritersMidway(dir, data, round);
            final Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            final StoreRecovery recovery;
            try (ChronicleKvStore store = ChronicleKvStore.open(InsertWriterMain.sizing(data)))
            {
                assertTrue(store.recovered(), "round " + round + ": the owner was killed");
                recovery = store.recovery();
                opens.merge(recovery, 1, Integer::sum);
                final int r = round;
                final List<String> indexed = assertDoesNotThrow(() -> store.keys("", 0, Integer.MAX_VALUE),
                    () -> "round " + r + ": the index's full scan");
                assertEquals(MapScan.sortedKeys(store), indexed, "round " + round + ": the index lists the map's keys");
                assertEquals(store.size(), indexed.size(), "round " + round);
                for (int i = 0; i < 500; i++)
                {
                    store.put("after:" + i, "1");
                }
                // the next writer starts without this run's keys, so the store stays within its tiers
                for (final String key : indexed)
                {
                    store.remove(key);
                }
                for (int i = 0; i < 500; i++)
                {
                    assertEquals("1", store.get("after:" + i), "round " + round + ": after:" + i);
                    assertTrue(store.remove("after:" + i), "round " + round + ": after:" + i);
                }
            }
            assertEquals(recovery == StoreRecovery.RECOVERED_COPY, !before.equals(Files.readAttributes(file,
                BasicFileAttributes.class).fileKey()), "round " + round + ": store.dat replaced only by a copy");
        }
        System.out.printf("InsertKillIT: %d kill rounds, opened %s%n", ROUNDS, opens);
    }

    private static void killWritersMidway(final Path dir, final Path data, final int round) throws Exception
    {
        try (ForkedJvm child = ForkedJvm.start(InsertWriterMain.class, dir.resolve("round-" + round + ".err"),
            data.toString(), WRITER_THREADS, Integer.toString(round)))
        {
            for (int progress = 1 + ThreadLocalRandom.current().nextInt(4); progress > 0; progress--)
            {
                child.awaitLine("ops ");
            }
            child.kill9();
        }
    }
}
