package dev.sxs.kv;

import java.util.Arrays;

import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.TierCountersArea;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;

/**
 * The tiers of one segment of a persisted map, in order: the segment's own tier, then the extra tiers linked
 * from it, as the file holds them after its owner died.
 * <p>
 * Chronicle Map (the version in the parent pom, {@code SegmentStages.nextTier}) gives a segment a new tier under
 * the segment's update lock: it takes a free tier under the global lock (whose link still names the next free
 * tier), links it from the segment's last tier, and only then writes the new tier's own counters: its segment,
 * its tier number, a zero link, and last its previous tier. A kill in between leaves a last tier whose counters
 * do not name the tier before it; such a tier was free a moment before and holds no entry yet, and its stale link
 * leads into the free tiers. The walk stops there and {@link #completeCutLink} writes what the owner was about to
 * write. Every extra tier named must be one the global state counts in use, and the chain no longer than those:
 * otherwise the chain cannot be proven and {@link #of} answers null (the caller recovers a copy instead).
 * <p>
 * Threading: one caller, on a map no other thread or process uses. Allocation: the array of tier indexes.
 * Failure: none thrown.
 */
final class SegmentChain
{
    private final int segment;
    private final long[] tiers;
    private final boolean cut;

    private SegmentChain(final int segment, final long[] tiers, final boolean cut)
    {
        this.segment = segment;
        this.tiers = tiers;
        this.cut = cut;
    }

    /**
     * Walk the tiers of a segment from its header.
     *
     * @param hash    a persisted map whose global lock is free.
     * @param segment the segment's index.
     * @return the segment's tiers, or null when a link names a tier the map does not hold in use, or loops.
     */
    static SegmentChain of(final VanillaChronicleHash<?, ?, ?, ?> hash, final int segment)
    {
        final long inUse = hash.globalMutableState().getExtraTiersInUse();
        final long[] found = new long[(int)Math.min(inUse + 1, Integer.MAX_VALUE - 8)];
        found[0] = segment + 1L; // tiers are counted from 1; a segment's own tier is its index + 1
        long next = BigSegmentHeader.INSTANCE.nextTierIndex(hash.segmentHeaderAddress(segment));
        int count = 1;
        while (next != 0)
        {
            final long extra = next - 1 - hash.actualSegments;
            if (extra < 0 || extra >= inUse || count == found.length)
            {
                return null;
            }
            final long counters = counters(hash, next);
            found[count] = next;
            if (TierCountersArea.prevTierIndex(counters) != found[count - 1]
                || TierCountersArea.tier(counters) != count || TierCountersArea.segmentIndex(counters) != segment)
            {
                return new SegmentChain(segment, Arrays.copyOf(found, count + 1), true);
            }
            count++;
            next = TierCountersArea.nextTierIndex(counters);
        }
        return new SegmentChain(segment, Arrays.copyOf(found, count), false);
    }

    /** @return the segment's index. */
    int segment()
    {
        return segment;
    }

    /** @return how many tiers the segment has. */
    int length()
    {
        return tiers.length;
    }

    /**
     * @param tier the tier's number in the segment, 0 for the segment's own tier.
     * @return the map-wide index of that tier (counted from 1).
     */
    long tierIndex(final int tier)
    {
        return tiers[tier];
    }

    /**
     * When the owner died while linking a new last tier, write that tier's counters as the owner was about to:
     * its segment, its number, no next tier, the tier before it. A tier so linked holds no entry yet.
     *
     * @param hash the map the chain was read from.
     */
    void completeCutLink(final VanillaChronicleHash<?, ?, ?, ?> hash)
    {
        if (!cut)
        {
            return;
        }
        final int last = tiers.length - 1;
        final long counters = counters(hash, tiers[last]);
        TierCountersArea.segmentIndex(counters, segment);
        TierCountersArea.tier(counters, last);
        TierCountersArea.nextTierIndex(counters, 0);
        TierCountersArea.prevTierIndex(counters, tiers[last - 1]);
    }

    /** An extra tier's counters area follows its hash lookup. */
    private static long counters(final VanillaChronicleHash<?, ?, ?, ?> hash, final long tierIndex)
    {
        return hash.tierIndexToBaseAddr(tierIndex) + hash.tierHashLookupOuterSize;
    }
}
