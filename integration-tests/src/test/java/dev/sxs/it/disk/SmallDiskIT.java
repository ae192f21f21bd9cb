package dev.sxs.it.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.it.ForkedJvm;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.journal.ReplayCommand;
import dev.sxs.kv.ChronicleKvStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20 MiB tmpfs under the store and the journal, written by child JVMs (a fault of a mapped write would kill
 * the test JVM otherwise). Mounting needs root: the test fails, it does not skip, when it cannot mount.
 */
class SmallDiskIT
{
    private static final String SIZE = "20m";

    @TempDir
    Path dir;

    private Path disk;

    @BeforeEach
    void mount() throws Exception
    {
        disk = Files.createDirectories(dir.resolve("small"));
        final String error = run("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", disk.toString());
        if (error != null)
        {
            fail("SmallDiskIT mounts a " + SIZE + " tmpfs and needs root (or CAP_SYS_ADMIN): " + error);
        }
    }

    @AfterEach
    void unmount() throws Exception
    {
        final String error = run("umount", disk.toString());
        if (error != null)
        {
            run("umount", "-l", disk.toString()); // never leave the mount behind, then say what was busy
        }
        assertEquals(null, error, "unmounting " + disk);
    }

    @Test
    void shouldLeaveNoHalfWrittenStoreWhenTheDiskIsTooSmallForIt() throws Exception
    {
        final Path data = disk.resolve("data");
        final String tooBig = runStore(data, 1_000_000);
        assertTrue(tooBig.startsWith("failed ") && tooBig.contains("cannot create store"), tooBig);
        assertFalse(Files.exists(data.resolve(ChronicleKvStore.STORE_FILE)), "no half-written store.dat");
        assertFalse(Files.exists(data.resolve(ChronicleKvStore.STORE_FILE + ".creating")), "temporary file deleted");
        final long start = System.nanoTime();
        assertEquals("opened recovered=false", runStore(data, 10_000));
        final long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 20_000, "a store that fits was created " + millis + " ms after the failed one");
    }

    @Test
    void shouldRefuseAFullJournalNamingTheMountPointAndKeepEveryAcknowledgedRecord() throws Exception
    {
        final Path filler = disk.resolve("filler");
        Files.write(filler, new byte[6 << 20]);
        final Path journal = disk.resolve("journal");
        final Path freed = dir.resolve("freed");
        long acknowledged = 0;
        try (ForkedJvm child = ForkedJvm.start(FullDiskJournalMain.class, dir.resolve("journal.err"),
            journal.toString(), freed.toString()))
        {
            String line = child.readLine();
            for (; line != null && line.startsWith("ack "); line = child.readLine())
            {
                acknowledged++;
            }
            assertNotNull(line, "the writer died; stderr:\n" + child.stderr());
            assertTrue(line.startsWith("refused journal disk full: " + disk + " has "), line);
            assertTrue(acknowledged > 1000, "only " + acknowledged + " records before the disk was full");
            Files.delete(filler);
            Files.createFile(freed);
            for (line = child.readLine(); line != null && line.startsWith("ack "); line = child.readLine())
            {
                acknowledged++;
            }
            assertEquals("closed", line, "after freeing space; stderr:\n" + child.stderr());
            assertFalse(child.stderr().contains("InternalError"), child.stderr());
            // the writer's JVM still lives: its closed journal left the folder's write lock free
            final long start = System.nanoTime();
            try (ChronicleJournal again = ChronicleJournal.builder(journal).open())
            {
                again.append(new Event(acknowledged + 1, 1, Channel.A, 0, "from another JVM", ""));
            }
            final long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "appending while the old writer lives took " + millis + " ms");
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = ReplayCommand.run(List.of(journal.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        final String[] records = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(acknowledged + 1, records.length, "every acknowledged record and the new one, read back");
        assertTrue(records[records.length - 2].contains("after 9"), records[records.length - 2]);
        assertTrue(records[records.length - 1].contains("from another JVM"), records[records.length - 1]);
    }

    private String runStore(final Path data, final long entries) throws Exception
    {
        try (ForkedJvm child = ForkedJvm.start(SmallStoreMain.class, dir.resolve("store-" + entries + ".err"),
            data.toString(), Long.toString(entries)))
        {
            return child.awaitLine("");
        }
    }

    /** @return null when the command succeeded, else what it said. */
    private static String run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return process.waitFor() == 0 ? null : String.join(" ", command) + " exited " + process.exitValue() + ": "
            + output;
    }
}
