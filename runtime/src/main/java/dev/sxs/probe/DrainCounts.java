package dev.sxs.probe;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What became of a probe's calls on the drain's thread: events the channel accepted, and events it (or the
 * gateway) refused. Kept apart from the counters host threads update on every call: when a host thread's
 * counter shared a cache line with these, each event the drain counted took that line away from the host
 * threads, and the host's next increment paid for a miss (about 50 ns a call in the profile of
 * {@code ProbeBenchmark}). The two counts sit in the middle of an array with a cache line of unused slots on
 * either side, so no other object's field can share their line.
 * <p>
 * Threading: written by the drain's thread only (a single writer, so a read and an ordered write make an exact
 * increment); read from any thread. Allocation: none after construction.
 */
final class DrainCounts
{
    /** Slots of padding on each side: one 64-byte line, plus one more for a 128-byte adjacent-line prefetch. */
    private static final int PAD = 16;
    private static final int PUBLISHED = PAD;
    private static final int DROPPED = PAD + 1;

    private final AtomicLongArray counts = new AtomicLongArray(PAD + 2 + PAD);

    /** Count an event the channel accepted. Drain thread only. */
    void published()
    {
        counts.lazySet(PUBLISHED, counts.get(PUBLISHED) + 1);
    }

    /** Count an event that was refused. Drain thread only. */
    void dropped()
    {
        counts.lazySet(DROPPED, counts.get(DROPPED) + 1);
    }

    /** @return the events the channel accepted. */
    long publishedCount()
    {
        return counts.get(PUBLISHED);
    }

    /** @return the events refused on the drain's thread. */
    long droppedCount()
    {
        return counts.get(DROPPED);
    }
}
