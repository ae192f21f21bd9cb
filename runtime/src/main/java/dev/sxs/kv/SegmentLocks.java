package dev.sxs.kv;

import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Whether a persisted map whose owner died was left in the middle of an operation: reads the lock word of every
 * segment and the global lock word (which guards the allocation of extra tiers) in the mapped file. Chronicle Map
 * changes a segment only while it holds that segment's lock word (and allocates tiers only under the global
 * one), and every store to the mapped file is in the OS page cache the moment it is made, so a file whose owner
 * died with every lock word zero holds exactly the state its last completed operation left: a complete map, with
 * nothing for Chronicle's recovery to repair. A non-zero word (a lock held, or a waiter registered, by the dead
 * owner) means an operation may have been cut short, and the file must be recovered.
 * <p>
 * Reads Chronicle's internal layout ({@link VanillaChronicleHash#segmentHeaderAddress}, the segment header's
 * lock word at offset 0, the global mutable state's lock word right after the header): tied to the Chronicle Map
 * version in the parent pom, and pinned by {@code StoreFileTest}, which plants a held lock in a file.
 * Threading: one caller, on a map no other thread or process uses. Allocation: none. Failure: none thrown; an
 * unexpected map type answers false (so the file is recovered).
 */
final class SegmentLocks
{
    private SegmentLocks()
    {
    }

    /**
     * @param map a persisted map just opened, not used yet.
     * @return true when no lock word of the map is set.
     */
    static boolean allFree(final ChronicleMap<?, ?> map)
    {
        if (!(map instanceof VanillaChronicleHash<?, ?, ?, ?> hash))
        {
            return false;
        }
        if (BigSegmentHeader.INSTANCE.getLockState(hash.bsAddress() + hash.headerSize) != 0)
        {
            return false;
        }
        for (int segment = 0; segment < hash.segments(); segment++)
        {
            if (BigSegmentHeader.INSTANCE.getLockState(hash.segmentHeaderAddress(segment)) != 0)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Take the write lock of segment 0, unless it is held already, and leave it held: what a writer killed in the
     * middle of a write leaves in the file. For tests that need a crash with a write in flight.
     *
     * @param map a persisted map.
     */
    static void holdFirstSegmentLock(final ChronicleMap<?, ?> map)
    {
        BigSegmentHeader.INSTANCE.tryWriteLock(((VanillaChronicleHash<?, ?, ?, ?>)map).segmentHeaderAddress(0));
    }
}
