package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import net.openhft.chronicle.core.Memory;
import net.openhft.chronicle.core.OS;
import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.TierCountersArea;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose owner died inside a change opens in place with the changed segments repaired: the states planted
 * in the file are what a kill leaves in Chronicle Map's segments (docs/store.md, "Creation and recovery").
 */
class SegmentRepairTest
{
    private static final int KEYS = 1000;
    private static final Memory MEMORY = OS.memory();

    private static KvOptions persisted(final Path dir)
    {
        return KvOptions.inMemory(10000).withFolder(dir);
    }

    private static ChronicleMap<String, String> raw(final Path dir) throws Exception
    {
        return ChronicleMap.of(String.class, String.class).entries(10000)
            .createPersistedTo(dir.resolve(ChronicleKvStore.STORE_FILE).toFile());
    }

    private static void fillAndCrash(final Path dir)
    {
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            for (int i = 0; i < KEYS; i++)
            {
                store.put("k" + i, Integer.toString(i));
            }
        }
        assertTrue(dir.resolve(ChronicleKvStore.CLEAN_MARKER).toFile().delete());
    }

    /**
     * An insert cut short after it allocated its chunk and before it filled its hash-lookup slot: segment 0's
     * update lock held, its entry counter one above its slots, one chunk marked used that no entry holds.
     */
    private static long plantCutInsert(final VanillaChronicleHash<?, ?, ?, ?> hash)
    {
        final long header = hash.segmentHeaderAddress(0);
        assertTrue(BigSegmentHeader.INSTANCE.tryUpdateLock(header));
        BigSegmentHeader.INSTANCE.entries(header, BigSegmentHeader.INSTANCE.entries(header) + 1);
        final long lowest = BigSegmentHeader.INSTANCE.lowestPossiblyFreeChunk(header);
        final long freeList = hash.segmentBaseAddr(0) + hash.tierHashLookupOuterSize + 64;
        final long word = freeList + (lowest >>> 6) * Long.BYTES;
        MEMORY.writeLong(word, MEMORY.readLong(word) | 1L << (lowest & 63));
        BigSegmentHeader.INSTANCE.lowestPossiblyFreeChunk(header, lowest + 1);
        return lowest;
    }

    /** A removal cut short in its backward shift: segment 1's write lock held, one slot written twice. */
    private static void plantCutShift(final VanillaChronicleHash<?, ?, ?, ?> hash)
    {
        assertTrue(BigSegmentHeader.INSTANCE.tryWriteLock(hash.segmentHeaderAddress(1)));
        final long base = hash.segmentBaseAddr(1);
        for (long pos = 0; pos < hash.tierHashLookupCapacity - 1; pos++)
        {
            final long slot = slot(hash, base, pos);
            if (slot != 0 && slot(hash, base, pos + 1) == 0)
            {
                writeSlot(hash, base, pos + 1, slot);
                return;
            }
        }
        throw new AssertionError("no slot to duplicate");
    }

    private static long slot(final VanillaChronicleHash<?, ?, ?, ?> hash, final long base, final long pos)
    {
        final long address = base + pos * hash.tierHashLookupSlotSize;
        return hash.tierHashLookupSlotSize == Long.BYTES ? MEMORY.readLong(address)
            : MEMORY.readInt(address) & 0xFFFFFFFFL;
    }

    private static void writeSlot(final VanillaChronicleHash<?, ?, ?, ?> hash, final long base, final long pos,
        final long value)
    {
        final long address = base + pos * hash.tierHashLookupSlotSize;
        if (hash.tierHashLookupSlotSize == Long.BYTES)
        {
            MEMORY.writeLong(address, value);
        }
        else
        {
            MEMORY.writeInt(address, (int)value);
        }
    }

    private static Object fileKey(final Path file) throws Exception
    {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static List<String> scan(final ChronicleKvStore store)
    {
        final List<String> keys = new ArrayList<>();
        store.forEachKey(keys::add);
        return keys;
    }

    /** Every committed key is there once, the index equals the scan, and every segment takes writes. */
    private static void assertComplete(final ChronicleKvStore store)
    {
        final List<String> scanned = scan(store);
        assertEquals(KEYS, scanned.size(), "a key listed twice or lost: " + scanned.size());
        assertEquals(KEYS, new TreeSet<>(scanned).size());
        assertEquals(KEYS, store.size());
        assertEquals(new TreeSet<>(scanned), new TreeSet<>(store.keys("", 0, 2 * KEYS)));
        for (int i = 0; i < KEYS; i++)
        {
            assertEquals(Integer.toString(i), store.get("k" + i), "k" + i);
        }
        for (int i = 0; i < KEYS; i++)
        {
            store.put("after" + i, "1");
            assertTrue(store.remove("after" + i));
        }
        assertEquals(KEYS, store.size());
    }

    @Test
    void shouldRepairInPlaceOnlyTheSegmentsAKillLeftInTheMiddleOfAChange(@TempDir final Path dir) throws Exception
    {
        fillAndCrash(dir);
        final long leaked;
        try (ChronicleMap<String, String> map = raw(dir))
        {
            leaked = plantCutInsert((VanillaChronicleHash<?, ?, ?, ?>)map);
            plantCutShift((VanillaChronicleHash<?, ?, ?, ?>)map);
        }
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        final Object before = fileKey(file);
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals(StoreRecovery.REPAIRED, store.recovery());
            assertEquals(before, fileKey(file), "store.dat repaired in place, not replaced by a recovered copy");
            assertComplete(store);
        }
        try (ChronicleMap<String, String> map = raw(dir))
        {
            final long header = ((VanillaChronicleHash<?, ?, ?, ?>)map).segmentHeaderAddress(0);
            assertEquals(leaked, BigSegmentHeader.INSTANCE.lowestPossiblyFreeChunk(header), "leaked chunk freed");
        }
        assertFalse(Files.exists(dir.resolve(ChronicleKvStore.STORE_FILE + TierBackup.SUFFIX)));
    }

    @Test
    void shouldRepeatARepairThatAKillCutShortFromTheSavedSegments(@TempDir final Path dir) throws Exception
    {
        fillAndCrash(dir);
        final Path side = dir.resolve(ChronicleKvStore.STORE_FILE + TierBackup.SUFFIX);
        try (ChronicleMap<String, String> map = raw(dir))
        {
            final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
            plantCutInsert(hash);
            TierBackup.save(hash, List.of(SegmentChain.of(hash, 0)), side);
            // the worst a kill inside Chronicle's recoverTier can leave: the lock released, the slots cleared
            BigSegmentHeader.INSTANCE.resetLock(hash.segmentHeaderAddress(0));
            for (long pos = 0; pos < hash.tierHashLookupCapacity; pos++)
            {
                writeSlot(hash, hash.segmentBaseAddr(0), pos, 0);
            }
        }
        Files.writeString(dir.resolve(ChronicleKvStore.STORE_FILE + TierBackup.TEMPORARY_SUFFIX), "half a save");
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals(StoreRecovery.REPAIRED, store.recovery());
            assertComplete(store);
        }
        assertFalse(Files.exists(side), "side file deleted once the repair ended");
        assertFalse(Files.exists(dir.resolve(ChronicleKvStore.STORE_FILE + TierBackup.TEMPORARY_SUFFIX)));
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals(StoreRecovery.NONE, store.recovery());
            assertEquals(KEYS, store.size());
        }
    }

    @Test
    void shouldRecoverACopyWhenTheOwnerDiedHoldingTheGlobalLock(@TempDir final Path dir) throws Exception
    {
        fillAndCrash(dir);
        try (ChronicleMap<String, String> map = raw(dir))
        {
            final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
            plantCutInsert(hash);
            // an extra tier being allocated: the global state may be half changed, beyond a segment's repair
            hash.globalMutableStateLock();
        }
        final Path file = dir.resolve(ChronicleKvStore.STORE_FILE);
        final Object before = fileKey(file);
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals(StoreRecovery.RECOVERED_COPY, store.recovery());
            assertNotEquals(before, fileKey(file), "store.dat replaced by the recovered copy");
            assertComplete(store);
        }
    }

    @Test
    void shouldCompleteTheLinkOfANewTierThatAKillCutShort(@TempDir final Path dir) throws Exception
    {
        fillAndCrash(dir);
        final long fresh;
        try (ChronicleMap<String, String> map = raw(dir))
        {
            final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
            final long header = hash.segmentHeaderAddress(0);
            assertEquals(1, SegmentChain.of(hash, 0).length(), "segment 0 has its own tier only");
            // Chronicle's nextTier: a free tier taken under the global lock, linked, and the kill before its counters
            fresh = hash.allocateTier();
            BigSegmentHeader.INSTANCE.nextTierIndex(header, fresh);
            assertTrue(BigSegmentHeader.INSTANCE.tryUpdateLock(header));
        }
        try (ChronicleKvStore store = ChronicleKvStore.open(persisted(dir)))
        {
            assertEquals(StoreRecovery.REPAIRED, store.recovery());
            assertComplete(store);
        }
        try (ChronicleMap<String, String> map = raw(dir))
        {
            final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
            final long counters = hash.tierIndexToBaseAddr(fresh) + hash.tierHashLookupOuterSize;
            assertEquals(1, TierCountersArea.prevTierIndex(counters), "the new tier names segment 0's own tier");
            assertEquals(1, TierCountersArea.tier(counters));
            assertEquals(0, TierCountersArea.segmentIndex(counters));
            assertEquals(0, TierCountersArea.nextTierIndex(counters), "the free tiers are no longer linked");
            final SegmentChain repaired = SegmentChain.of(hash, 0);
            assertEquals(2, repaired.length());
            assertEquals(fresh, repaired.tierIndex(1));
        }
    }
}
