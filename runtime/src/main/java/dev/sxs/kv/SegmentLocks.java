package dev.sxs.kv;

import java.nio.ByteOrder;
import java.util.Arrays;

import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;

/**
 * Whether a persisted map whose owner died was left in the middle of a change: reads the lock word of every
 * segment and the global lock word (which guards the allocation of extra tiers) in the mapped file.
 * <p>
 * What Chronicle Map (the version in the parent pom) changes under which lock of a segment: an insert allocates
 * the entry's chunks (the tier's entry counter goes up, free-list bits are set), writes key and value, and only
 * then fills the hash-lookup slot that makes the entry visible, all under the segment's <em>update</em> lock,
 * never taking the write lock (readers may run meanwhile: they cannot see the entry before its slot is filled).
 * A value that grows out of its chunks is likewise re-allocated (possibly in another tier, with counters of both
 * tiers changed) before the write lock is taken at the very end; only a removal and an in-place overwrite take
 * the write lock first. Extra tiers are allocated under the global lock. So a dead owner holding a segment's
 * update lock may have left that segment's counters, free list and hash lookup disagreeing: a kill between the
 * counter's increment and the slot's write leaves a tier whose counter is one above its filled slots, and the
 * next full iteration fails with Chronicle's {@code "... there should be 1 more entries. Size diverged?"} (sxs
 * opened such files in place for a while, and long kill runs found them; docs/store.md). A read lock changes
 * nothing. Every store the dead owner made to the mapped file is in the OS page cache the moment it is made, so
 * a file whose owner died holding no update or write lock of any segment and not the global lock holds exactly
 * what its last completed change left: a complete map, with nothing for Chronicle's recovery to repair; the
 * segments whose update or write lock is held are repaired alone ({@link SegmentRepair}).
 * <p>
 * Reads Chronicle's internal layout ({@link VanillaChronicleHash#segmentHeaderAddress}, the segment header's
 * lock word at offset 0, the global mutable state's lock word right after the header): tied to the Chronicle Map
 * version in the parent pom, and pinned by {@code StoreFileTest}, which plants held locks and a cut-short insert
 * in a file. Threading: one caller, on a map no other thread or process uses. Allocation: one array of the held
 * segments. Failure: none thrown; on a big-endian machine the global lock counts as held (a copy is recovered).
 */
final class SegmentLocks
{
    /** Chronicle's count word: 30 bits of read count, then the update-lock bit and the write-lock bit. */
    private static final int UPDATE_OR_WRITE = 0xC0000000;

    private SegmentLocks()
    {
    }

    /**
     * Whether the dead owner held the global lock, which guards the allocation of extra tiers: a change of the
     * map's global state may then have been cut short, which no repair of single segments can prove it fixed.
     *
     * @param hash a persisted map just opened, not used yet.
     * @return true when the global lock word is not free (or the map cannot be read so, on a big-endian machine).
     */
    static boolean globalLockHeld(final VanillaChronicleHash<?, ?, ?, ?> hash)
    {
        return ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
            || BigSegmentHeader.INSTANCE.getLockState(hash.bsAddress() + hash.headerSize) != 0;
    }

    /**
     * The segments whose lock word holds an update or the write lock: the segments the dead owner may have been
     * changing when it died.
     *
     * @param hash a persisted map just opened, not used yet.
     * @return the indexes of those segments, ascending; empty when the owner died between changes.
     */
    static int[] changing(final VanillaChronicleHash<?, ?, ?, ?> hash)
    {
        final int segments = hash.segments();
        int count = 0;
        final int[] found = new int[segments];
        for (int segment = 0; segment < segments; segment++)
        {
            if ((countWord(hash.segmentHeaderAddress(segment)) & UPDATE_OR_WRITE) != 0)
            {
                found[count++] = segment;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * Release every lock the dead owner left in the segments' lock words (read locks, registered waits, and the
     * update or write locks of segments already repaired), or the first writer of such a segment would wait for
     * them until Chronicle declared a dead lock.
     *
     * @param hash a persisted map whose every segment is complete.
     */
    static void releaseAll(final VanillaChronicleHash<?, ?, ?, ?> hash)
    {
        final int segments = hash.segments();
        for (int segment = 0; segment < segments; segment++)
        {
            final long header = hash.segmentHeaderAddress(segment);
            if (BigSegmentHeader.INSTANCE.getLockState(header) != 0)
            {
                BigSegmentHeader.INSTANCE.resetLock(header);
            }
        }
    }

    /** The lock word's count half (its low 4 bytes on a little-endian machine). */
    private static int countWord(final long header)
    {
        return (int)BigSegmentHeader.INSTANCE.getLockState(header);
    }
}
