package dev.sxs.kv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.hash.ChronicleHashCorruption;
import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.map.ChronicleHashCorruptionImpl;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.map.VanillaChronicleMap;
import net.openhft.chronicle.map.impl.CompiledMapIterationContext;

/**
 * Opens a crashed {@code store.dat} in place, repairing only the segments its dead owner was changing.
 * <p>
 * A segment whose lock word holds an update or the write lock ({@link SegmentLocks}) may have been left with an
 * entry counter that disagrees with its hash lookup, chunks marked used that no entry holds (an insert cut short
 * between allocating its chunks and filling its slot), a hash-lookup slot written twice (a removal's backward
 * shift cut short), a key in two tiers (a value moved to another tier cut short), a half-linked new tier, or an
 * entry whose checksum does not match its bytes (a value overwritten in place cut short). Each such segment is
 * repaired with Chronicle's own per-tier steps, the ones its full recovery ({@code recoverPersistedTo}) runs for
 * every segment of a copy: {@code recoverTier} (re-inserts every slot whose entry is whole, with a key that hashes
 * to this segment and a matching checksum, and rebuilds the tier's free list from those entries) for each tier of
 * the chain ({@link SegmentChain}), then {@code removeDuplicatesInSegment} from the last tier to the first (drops
 * a key found again in a later tier and recounts each tier's entries and lowest free chunk). The other segments
 * are complete (their owner was not in a change of them) and are not touched, except that the dead owner's read
 * locks are released. So the start costs a scan of the segment headers and the repair of a few segments, not a
 * copy and a check of the whole file.
 * <p>
 * Chronicle's {@code recoverTier} clears each slot before it re-inserts it, so a kill during the repair could
 * lose entries: the segments' bytes are first saved to {@link TierBackup}'s side file, and an open that finds
 * that file writes them back and repairs again. Entries dropped by the repair are the ones Chronicle's recovery
 * drops: a write in flight, never a completed one (an entry overwritten in place whose kill left it with a
 * mismatched checksum loses its key, as with the recovery of a copy). When the global lock is held (an extra tier
 * was being allocated) or a tier chain cannot be proven, or the repair fails, the saved bytes are written back
 * and the caller recovers a copy instead.
 * <p>
 * Reaches Chronicle's internal iteration context ({@link CompiledMapIterationContext}): tied to the Chronicle Map
 * version in the parent pom, pinned by {@code SegmentRepairTest} and the kill tests. Threading: one caller, while
 * it holds the data folder's lock. Failure: an {@link IOException} when the side file cannot be written or read.
 */
final class SegmentRepair
{
    /** {@link #open}'s answer when the file must be recovered as a copy instead. */
    static final int COPY_NEEDED = -1;

    private static final ChronicleHashCorruption.Listener IGNORE = corruption ->
    {
        // what Chronicle's recovery would log: the entries a cut-short change left half made
    };

    private SegmentRepair()
    {
    }

    /**
     * Bring a crashed {@code store.dat} to a complete state in place, or say that a copy must be recovered.
     *
     * @param builder the store's map builder.
     * @param file    {@code <data>/store.dat}, whose owner died with it open.
     * @return the number of segments repaired (0: the owner died between changes), or {@link #COPY_NEEDED}, with
     *     no side file left and the file as the crash left it (after a damaged side file: as far as the cut-short
     *     repair got, for the recovery of a copy to check every segment).
     * @throws IOException when the side file cannot be written, or read back after a repair was cut short.
     */
    static int open(final ChronicleMapBuilder<String, String> builder, final Path file) throws IOException
    {
        final Path side = file.resolveSibling(file.getFileName() + TierBackup.SUFFIX);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + TierBackup.TEMPORARY_SUFFIX));
        final int repaired;
        try (ChronicleMap<String, String> map = builder.createPersistedTo(file.toFile()))
        {
            if (!(map instanceof VanillaChronicleMap<?, ?, ?> vanilla))
            {
                return COPY_NEEDED;
            }
            repaired = Files.exists(side) ? resume(vanilla, side) : start(vanilla, side);
        }
        Files.deleteIfExists(side);
        return repaired;
    }

    private static int start(final VanillaChronicleMap<?, ?, ?> map, final Path side) throws IOException
    {
        if (SegmentLocks.globalLockHeld(map))
        {
            return COPY_NEEDED;
        }
        final int[] changing = SegmentLocks.changing(map);
        if (changing.length == 0)
        {
            SegmentLocks.releaseAll(map);
            return 0;
        }
        final List<SegmentChain> chains = new ArrayList<>(changing.length);
        for (final int segment : changing)
        {
            final SegmentChain chain = SegmentChain.of(map, segment);
            if (chain == null)
            {
                return COPY_NEEDED;
            }
            chains.add(chain);
        }
        TierBackup.save(map, chains, side);
        return repair(map, changing, side);
    }

    /**
     * A repair was cut short: the side file holds the segments as the crash left them. A damaged side file (only
     * a machine crash leaves one: it is forced to the device before it gets its name) sends the store to the
     * recovery of a copy, which checks every segment.
     */
    private static int resume(final VanillaChronicleMap<?, ?, ?> map, final Path side) throws IOException
    {
        final int[] segments;
        try
        {
            segments = TierBackup.restore(map, side);
        }
        catch (final IOException damaged)
        {
            return COPY_NEEDED;
        }
        return repair(map, segments, side);
    }

    private static int repair(final VanillaChronicleMap<?, ?, ?> map, final int[] segments, final Path side)
        throws IOException
    {
        try
        {
            for (final int segment : segments)
            {
                final SegmentChain chain = SegmentChain.of(map, segment);
                if (chain == null)
                {
                    throw new IllegalStateException("the tiers of segment " + segment + " cannot be followed");
                }
                repair(map, chain);
            }
        }
        catch (final RuntimeException failed)
        {
            TierBackup.restore(map, side);
            return COPY_NEEDED;
        }
        SegmentLocks.releaseAll(map);
        return segments.length;
    }

    /**
     * Chronicle's full recovery of one segment, minus its re-linking of every extra tier of the map: the
     * segment's chain is followed as the file holds it (its global state was not being changed).
     */
    private static void repair(final VanillaChronicleMap<?, ?, ?> map, final SegmentChain chain)
    {
        final int segment = chain.segment();
        // a query of the duplicate check takes the segment's read lock: the dead owner's locks must go first
        BigSegmentHeader.INSTANCE.resetLock(map.segmentHeaderAddress(segment));
        chain.completeCutLink(map);
        final ChronicleHashCorruptionImpl corruption = new ChronicleHashCorruptionImpl();
        try (CompiledMapIterationContext<?, ?, ?> context = (CompiledMapIterationContext<?, ?, ?>)map
            .iterationContext())
        {
            context.initSegmentIndex(segment);
            for (int tier = 0; tier < chain.length(); tier++)
            {
                context.initSegmentTier(tier, chain.tierIndex(tier));
                context.recoverTier(segment, IGNORE, corruption);
            }
            for (int tier = chain.length() - 1; tier >= 0; tier--)
            {
                context.initSegmentTier(tier, chain.tierIndex(tier));
                context.removeDuplicatesInSegment(IGNORE, corruption);
            }
        }
    }
}
