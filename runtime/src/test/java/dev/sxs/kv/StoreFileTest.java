package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileTest
{
    private static KvOptions persisted(final Path dir)
    {
        return KvOptions.inMemory(10000).withFolder(dir);
    }

    private static void fillAndCrash(final Path dir) throws Exception
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            store.put("a", "1");
            store.put("b", "2");
        }
        Files.delete(dir.resolve(ChronicleKvStore.CLEAN_MARKER));
    }

    /** A crash with a write in flight: the dead owner still holds a segment's write lock in the file. */
    private static void fillAndCrashMidWrite(final Path dir) throws Exception
    {
        fillAndCrash(dir);
        try (ChronicleMap<String, String> map = ChronicleMap.of(String.class, String.class).entries(10000)
            .createPersistedTo(dir.resolve(ChronicleKvStore.STORE_FILE).toFile()))
        {
            // what a writer killed in the middle of a write leaves in the file
            BigSegmentHeader.INSTANCE.tryWriteLock(((VanillaChronicleHash<?, ?, ?, ?>)map).segmentHeaderAddress(0));
        }
    }

    /** A crash during iterations: the dead owner holds an update lock (a scan's) and a read lock of every segment. */
    private static void fillAndCrashMidRead(final Path dir) throws Exception
    {
        fillAndCrash(dir);
        try (ChronicleMap<String, String> map = ChronicleMap.of(String.class, String.class).entries(10000)
            .createPersistedTo(dir.resolve(ChronicleKvStore.STORE_FILE).toFile()))
        {
            final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
            for (int segment = 0; segment < hash.segments(); segment++)
            {
                assertTrue(BigSegmentHeader.INSTANCE.tryUpdateLock(hash.segmentHeaderAddress(segment)));
                assertTrue(BigSegmentHeader.INSTANCE.tryReadLock(hash.segmentHeaderAddress(segment)));
            }
        }
    }

    /**
     * A crash in the middle of an insert, as kill runs left it: Chronicle inserts under a segment's update lock
     * (never the write lock), raising the tier's entry counter before it fills the hash-lookup slot, so the kill
     * left segment 0's update lock held and its counter one above its filled slots.
     */
    private static void fillAndCrashMidInsert(final Path dir) throws Exception
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            for (int i = 0; i < 1000; i++)
            {
                store.put("k" + i, Integer.toString(i));
            }
        }
        Files.delete(dir.resolve(ChronicleKvStore.CLEAN_MARKER));
        try (ChronicleMap<String, String> map = ChronicleMap.of(String.class, String.class).entries(10000)
            .createPersistedTo(dir.resolve(ChronicleKvStore.STORE_FILE).toFile()))
        {
            final long header = ((VanillaChronicleHash<?, ?, ?, ?>)map).segmentHeaderAddress(0);
            assertTrue(BigSegmentHeader.INSTANCE.tryUpdateLock(header));
            BigSegmentHeader.INSTANCE.entries(header, BigSegmentHeader.INSTANCE.entries(header) + 1);
        }
    }

    /** A crash while reading: the dead owner holds a read lock of every segment. */
    private static void fillAndCrashReading(final Path dir) throws Exception
    {
        fillAndCrash(dir);
        try (ChronicleMap<String, String> map = ChronicleMap.of(String.class, String.class).entries(10000)
            .createPersistedTo(dir.resolve(ChronicleKvStore.STORE_FILE).toFile()))
        {
            final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
            for (int segment = 0; segment < hash.segments(); segment++)
            {
                assertTrue(BigSegmentHeader.INSTANCE.tryReadLock(hash.segmentHeaderAddress(segment)));
            }
        }
    }

    private static Object fileKey(final Path file) throws Exception
    {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    /** What Chronicle leaves in a file whose in-place recovery was killed: the header's NOT_COMPLETE bit. */
    private static void setNotComplete(final Path file) throws Exception
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(word, StoreFile.SIZE_WORD_OFFSET);
            word.putInt(0, word.getInt(0) | StoreFile.NOT_COMPLETE);
            word.clear();
            channel.write(word, StoreFile.SIZE_WORD_OFFSET);
        }
    }

    /** Whether Chronicle's header of the file says it is still being created or recovered. */
    private static boolean isNotComplete(final Path file) throws Exception
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(word, StoreFile.SIZE_WORD_OFFSET);
            return (word.getInt(0) & StoreFile.NOT_COMPLETE) != 0;
        }
    }

    /** The crashed store opens in place, its locked segments repaired, keeps its keys and takes writes everywhere. */
    private static void assertRepairedInPlaceTakesWritesToEverySegment(final Path dir) throws Exception
    {
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        final Object before = fileKey(file);
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertTrue(store.recovered());
            assertEquals(before, fileKey(file), "store.dat repaired in place, not replaced by a recovered copy");
            for (int i = 0; i < 1000; i++)
            {
                store.put("k" + i, Integer.toString(i));
            }
            assertEquals("2", store.get("b"));
            assertEquals(1002, store.size());
        }
    }

    @Test
    void shouldOpenAStoreWhoseRecoveryWasKilledWithinSecondsNotAMinute(@TempDir final Path dir) throws Exception
    {
        fillAndCrash(dir);
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        setNotComplete(file);
        assertTrue(isNotComplete(file));
        final long start = System.nanoTime();
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            final long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 20_000, "open took " + millis + " ms (Chronicle waits 60 s for NOT_COMPLETE)");
            assertTrue(store.recovered());
            assertEquals(List.of("a", "b"), store.keys("", 0, 10));
            assertEquals("2", store.get("b"));
            assertFalse(isNotComplete(file), "the recovered file replaced the interrupted one");
        }
    }

    @Test
    void shouldDiscardTheTemporaryFilesOfAStartThatDied(@TempDir final Path dir) throws Exception
    {
        fillAndCrash(dir);
        final Path recovering = dir.resolve(ChronicleKvStore.STORE_FILE + StoreFile.RECOVERING_SUFFIX);
        final Path creating = dir.resolve(ChronicleKvStore.STORE_FILE + StoreFile.CREATING_SUFFIX);
        Files.writeString(recovering, "half a copy");
        Files.writeString(creating, "half a new store");
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertTrue(store.recovered());
            assertEquals("1", store.get("a"));
            assertFalse(Files.exists(recovering), "leftover recovery copy deleted");
            assertFalse(Files.exists(creating), "leftover creation file deleted");
        }
    }

    @Test
    void shouldOpenInPlaceWithoutRecoveryWhenTheOwnerDiedBetweenOperations(@TempDir final Path dir) throws Exception
    {
        fillAndCrash(dir);
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        final Object before = fileKey(file);
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertTrue(store.recovered());
            assertEquals(before, fileKey(file), "store.dat opened in place, not replaced by a recovered copy");
            assertEquals(List.of("a", "b"), store.keys("", 0, 10));
            store.put("c", "3");
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertFalse(store.recovered());
            assertEquals("3", store.get("c"));
        }
    }

    @Test
    void shouldOpenInPlaceAndReleaseTheReadLocksOfAnOwnerThatDiedReading(@TempDir final Path dir) throws Exception
    {
        fillAndCrashReading(dir);
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        final Object before = fileKey(file);
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertTrue(store.recovered());
            assertEquals(before, fileKey(file), "store.dat opened in place, not replaced by a recovered copy");
            for (int i = 0; i < 1000; i++)
            {
                store.put("k" + i, Integer.toString(i));
            }
            assertEquals(1002, store.size());
        }
    }

    @Test
    void shouldRepairInPlaceWhenTheOwnerDiedInTheMiddleOfAnInsert(@TempDir final Path dir) throws Exception
    {
        fillAndCrashMidInsert(dir);
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        final Object before = fileKey(file);
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertTrue(store.recovered());
            // the index's full scan fails with Chronicle's "Size diverged?" on the file as the kill left it
            assertEquals(1000, store.keys("", 0, 2000).size());
            assertEquals(1000, store.size());
            assertEquals(before, fileKey(file), "store.dat repaired in place, not replaced by a recovered copy");
            assertEquals("999", store.get("k999"));
            store.put("after", "1");
        }
    }

    @Test
    void shouldRepairInPlaceAndReleaseTheLocksOfAnOwnerThatDiedIterating(@TempDir final Path dir) throws Exception
    {
        fillAndCrashMidRead(dir);
        assertRepairedInPlaceTakesWritesToEverySegment(dir);
    }

    @Test
    void shouldRepairInPlaceWhenTheOwnerDiedHoldingALock(@TempDir final Path dir) throws Exception
    {
        fillAndCrashMidWrite(dir);
        assertRepairedInPlaceTakesWritesToEverySegment(dir);
    }

    @Test
    void shouldRepairAndLeaveNoTemporaryFile(@TempDir final Path dir) throws Exception
    {
        fillAndCrashMidWrite(dir);
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertTrue(store.recovered());
            store.put("c", "3");
        }
        try (var files = Files.list(dir))
        {
            // store.index is there when the background rebuild ended before the close (a close stops a rebuild)
            assertEquals(List.of(ChronicleKvStore.CLEAN_MARKER, ChronicleKvStore.STORE_FILE, "sxs.lock"),
                files.map(f -> f.getFileName().toString()).filter(name -> !name.equals(IndexFile.NAME)).sorted()
                    .toList());
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertFalse(store.recovered());
            assertEquals(3, store.size());
        }
    }

    @Test
    void shouldCreateANewStoreInPlaceOfAnEmptyFile(@TempDir final Path dir) throws Exception
    {
        Files.createFile(dir.resolve(ChronicleKvStore.STORE_FILE));
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertFalse(store.recovered());
            store.put("a", "1");
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals("1", store.get("a"));
        }
    }
}
