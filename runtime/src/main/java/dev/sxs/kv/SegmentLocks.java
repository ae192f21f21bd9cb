package dev.sxs.kv;

import java.nio.ByteOrder;

import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Whether a persisted map whose owner died was left in the middle of a change: reads the lock word of every
 * segment and the global lock word (which guards the allocation of extra tiers) in the mapped file. Chronicle Map
 * changes a segment only while it holds that segment's write lock (an update lock, which an iteration such as the
 * index rebuild's scan holds, is upgraded to it before any change; tiers are allocated only under the global
 * lock), and every store to the mapped file is in the OS page cache the moment it is made, so a file whose owner
 * died holding no write lock holds exactly the state its last completed change left: a complete map, with nothing
 * for Chronicle's recovery to repair; the dead owner's read and update locks are released. A write lock, or a
 * held global lock, means a change may have been cut short, and the file must be recovered.
 * <p>
 * Reads Chronicle's internal layout ({@link VanillaChronicleHash#segmentHeaderAddress}, the segment header's
 * lock word at offset 0, the global mutable state's lock word right after the header): tied to the Chronicle Map
 * version in the parent pom, and pinned by {@code StoreFileTest}, which plants a held lock in a file.
 * Threading: one caller, on a map no other thread or process uses. Allocation: none. Failure: none thrown; an
 * unexpected map type or a big-endian machine answers false (so the file is recovered).
 */
final class SegmentLocks
{
    /** Chronicle's count word: 30 bits of read count, then the update-lock bit and the write-lock bit. */
    private static final int WRITE_LOCKED = 0x80000000;

    private SegmentLocks()
    {
    }

    /**
     * Whether the dead owner was changing nothing: no segment's lock word holds the write lock (read and update
     * locks of a dead owner changed nothing), and the global lock word is free. The locks found are then
     * released ({@code resetLock}), or the first writer of that segment would wait for the dead owner until
     * Chronicle declared a dead lock.
     *
     * @param map a persisted map just opened, not used yet.
     * @return true when no change of the map was in progress; the dead owner's locks are then released.
     */
    static boolean releaseLocksIfNoWriter(final ChronicleMap<?, ?> map)
    {
        if (!(map instanceof VanillaChronicleHash<?, ?, ?, ?> hash)
            || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            return false;
        }
        if (BigSegmentHeader.INSTANCE.getLockState(hash.bsAddress() + hash.headerSize) != 0)
        {
            return false;
        }
        final int segments = hash.segments();
        for (int segment = 0; segment < segments; segment++)
        {
            if ((countWord(hash.segmentHeaderAddress(segment)) & WRITE_LOCKED) != 0)
            {
                return false;
            }
        }
        for (int segment = 0; segment < segments; segment++)
        {
            final long header = hash.segmentHeaderAddress(segment);
            if (BigSegmentHeader.INSTANCE.getLockState(header) != 0)
            {
                BigSegmentHeader.INSTANCE.resetLock(header);
            }
        }
        return true;
    }

    /** The lock word's count half (its low 4 bytes on a little-endian machine). */
    private static int countWord(final long header)
    {
        return (int)BigSegmentHeader.INSTANCE.getLockState(header);
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
