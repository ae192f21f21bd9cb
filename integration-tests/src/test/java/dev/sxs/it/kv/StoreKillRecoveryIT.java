package dev.sxs.it.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import dev.sxs.it.ForkedJvm;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.DataFolderLockedException;
import dev.sxs.kv.KvOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM writes to a persisted store and is killed with SIGKILL in the middle of writing;
 * the store reopened here holds every write the child acknowledged.
 */
class StoreKillRecoveryIT
{
    private static KvOptions config(final Path data)
    {
        return KvOptions.inMemory(200_000).withFolder(data);
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteAfterKill9(@TempDir final Path dir) throws Exception
    {
        final Path data = dir.resolve("data");
        long lastAck = -1;
        try (ForkedJvm child = ForkedJvm.start(StoreWriterMain.class, dir.resolve("child.err"), data.toString(),
            "150000"))
        {
            child.awaitLine("ready ");
            while (lastAck < 20_000)
            {
                lastAck = Long.parseLong(child.awaitLine("ack ").substring(4));
            }
            child.kill9();
            for (final String line : child.readToEnd())
            {
                if (line.startsWith("ack "))
                {
                    lastAck = Long.parseLong(line.substring(4));
                }
            }
        }
        assertTrue(lastAck < 149_999, "the child finished before it was killed; raise the write count");
        try (ChronicleKvStore store = ChronicleKvStore.open(config(data)))
        {
            assertTrue(store.recovered(), "a store whose owner was killed must be opened with recovery");
            for (long i = 0; i <= lastAck; i++)
            {
                assertEquals(Long.toString(i), store.get("w:" + i), "acknowledged write w:" + i);
            }
            assertTrue(Long.parseLong(store.get("last")) >= lastAck);
            final long size = store.size();
            assertTrue(size >= lastAck + 2, "entries " + size + " for " + (lastAck + 1)
                + " acknowledged keys plus 'last'");
            assertEquals(size, store.keys("", 0, Integer.MAX_VALUE).size(), "index rebuilt with every key");
            assertEquals("w:0", store.keys("w:", 0, 1).get(0));
            store.put("after", "1");
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(config(data)))
        {
            assertFalse(store.recovered(), "a cleanly closed store needs no recovery");
            assertEquals("1", store.get("after"));
            assertEquals(Long.toString(lastAck), store.get("w:" + lastAck));
        }
    }

    @Test
    void shouldRefuseASecondProcessWhileTheOwnerLives(@TempDir final Path dir) throws Exception
    {
        final Path data = dir.resolve("data");
        try (ForkedJvm child = ForkedJvm.start(StoreWriterMain.class, dir.resolve("child.err"), data.toString(), "10"))
        {
            child.awaitLine("done");
            final DataFolderLockedException error = assertThrows(DataFolderLockedException.class,
                () -> ChronicleKvStore.open(config(data)));
            assertEquals(child.pid(), error.ownerPid());
            assertTrue(error.getMessage().contains(data.toAbsolutePath().toString()), error.getMessage());
            assertTrue(error.getMessage().contains("pid " + child.pid()), error.getMessage());
            child.kill9();
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(config(data)))
        {
            assertTrue(store.recovered());
            for (int i = 0; i < 10; i++)
            {
                assertEquals(Integer.toString(i), store.get("w:" + i));
            }
        }
    }
}
