package dev.sxs.probe;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A count that one thread writes and any thread reads, alone on its cache lines. The probe drain's counts live
 * here: when one shared a line with a field host threads read or write on every call, each update the drain made
 * took that line away from them and the host's next access paid for a miss (about 50 ns a call in the profile of
 * {@code ProbeBenchmark}). The value sits in the middle of an array with two cache lines of unused slots on either
 * side (one line, and one more for a 128-byte adjacent-line prefetch), so no other object's field shares its line.
 * <p>
 * Threading: {@link #increment} and {@link #set} from one writer thread only (a read and an ordered write then make
 * an exact increment); {@link #get} from any thread. Allocation: none after construction.
 */
final class PaddedCounter
{
    private static final int PAD = 16;

    private final AtomicLongArray slots = new AtomicLongArray(PAD + 1 + PAD);

    /** Add one. Writer thread only. */
    void increment()
    {
        slots.lazySet(PAD, slots.get(PAD) + 1);
    }

    /** @param value the new count. Writer thread only. */
    void set(final long value)
    {
        slots.lazySet(PAD, value);
    }

    /** @return the count. */
    long get()
    {
        return slots.get(PAD);
    }
}
