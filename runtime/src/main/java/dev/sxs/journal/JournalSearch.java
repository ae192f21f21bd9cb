package dev.sxs.journal;

import java.util.NavigableSet;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Finds replay bounds through the queue's index: binary search over the cycle files by the time of
 * their first record, then over the sequence numbers within one cycle, so a time bound costs a few
 * dozen indexed reads, never a scan from the start. Relies on journal times never going backwards in
 * index order ({@link ChronicleJournal} stamps them so); on an older journal whose times do go
 * backwards the bound found is one of the records where the time is crossed.
 * <p>
 * Threading: one thread, like the tailer it owns. Allocation: a few objects per search, none per probe.
 */
final class JournalSearch implements AutoCloseable
{
    /** Returned when no record matches. */
    static final long NONE = Journal.NO_INDEX;

    private final RollCycle rollCycle;
    private final long[] cycles;
    private final ExcerptTailer tailer;
    private final JournalEntry entry = new JournalEntry();

    /**
     * @param queue the journal's queue.
     */
    JournalSearch(final SingleChronicleQueue queue)
    {
        this.rollCycle = queue.rollCycle();
        final NavigableSet<Long> listed = queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle());
        this.cycles = listed.stream().mapToLong(Long::longValue).toArray();
        this.tailer = queue.createTailer();
    }

    /**
     * @param index any index.
     * @return the first record index at or after it, or {@link #NONE}.
     */
    long firstIndexAtOrAfter(final long index)
    {
        final int cycle = rollCycle.toCycle(index);
        for (final long c : cycles)
        {
            if (c == cycle && exists(index))
            {
                return index;
            }
            if (c > cycle && exists(rollCycle.toIndex((int)c, 0)))
            {
                return rollCycle.toIndex((int)c, 0);
            }
        }
        return NONE;
    }

    /**
     * @param index any index.
     * @return the last record index at or before it, or {@link #NONE}.
     */
    long lastIndexAtOrBefore(final long index)
    {
        if (exists(index))
        {
            return index;
        }
        final int cycle = rollCycle.toCycle(index);
        for (int i = cycles.length - 1; i >= 0; i--)
        {
            final int c = (int)cycles[i];
            if (c > cycle)
            {
                continue;
            }
            final long end = c == cycle ? Math.min(endOfCycle(c), rollCycle.toSequenceNumber(index)) : endOfCycle(c);
            if (end > 0)
            {
                return rollCycle.toIndex(c, end - 1);
            }
        }
        return NONE;
    }

    /**
     * @param nanos a time, nanoseconds since the epoch.
     * @return the index of the first record stamped at or after it, or {@link #NONE}.
     */
    long firstAtOrAfter(final long nanos)
    {
        // the first cycle whose first record is at or after the time; the answer is in the cycle before or is it
        final int next = firstCycleFrom(nanos, false);
        if (next > 0)
        {
            final long found = firstInCycle((int)cycles[next - 1], nanos, false);
            if (found != NONE)
            {
                return found;
            }
        }
        return next < cycles.length ? rollCycle.toIndex((int)cycles[next], 0) : NONE;
    }

    /**
     * @param nanos a time, nanoseconds since the epoch.
     * @return the index of the last record stamped at or before it, or {@link #NONE}.
     */
    long lastAtOrBefore(final long nanos)
    {
        final int after = firstCycleFrom(nanos, true);
        if (after == 0)
        {
            return NONE;
        }
        final int cycle = (int)cycles[after - 1];
        final long firstAfter = firstInCycle(cycle, nanos, true);
        final long seq = firstAfter == NONE ? endOfCycle(cycle) : rollCycle.toSequenceNumber(firstAfter);
        return seq == 0 ? NONE : rollCycle.toIndex(cycle, seq - 1);
    }

    /** The position of the first cycle whose first record is at or after (strictly after) the time. */
    private int firstCycleFrom(final long nanos, final boolean strictly)
    {
        int low = 0;
        int high = cycles.length;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (passes(rollCycle.toIndex((int)cycles[mid], 0), nanos, strictly))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The first record of the cycle at or after (strictly after) the time, or NONE when the cycle has none. */
    private long firstInCycle(final int cycle, final long nanos, final boolean strictly)
    {
        long low = 0;
        long high = rollCycle.maxMessagesPerCycle();
        while (low < high)
        {
            final long mid = low + (high - low) / 2;
            final long index = rollCycle.toIndex(cycle, mid);
            if (!exists(index) || passes(index, nanos, strictly))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        final long index = rollCycle.toIndex(cycle, low);
        return exists(index) ? index : NONE;
    }

    /** The sequence number one past the last record of the cycle. */
    private long endOfCycle(final int cycle)
    {
        long low = 0;
        long high = rollCycle.maxMessagesPerCycle();
        while (low < high)
        {
            final long mid = low + (high - low) / 2;
            if (exists(rollCycle.toIndex(cycle, mid)))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /** True when the record at the index exists and is stamped at or after (strictly after) the time. */
    private boolean passes(final long index, final long nanos, final boolean strictly)
    {
        final long time = timeAt(index);
        if (time == Long.MIN_VALUE)
        {
            return true;
        }
        return strictly ? time > nanos : time >= nanos;
    }

    private boolean exists(final long index)
    {
        return tailer.moveToIndex(index);
    }

    /** The time of the record at the index, or Long.MIN_VALUE when there is none. */
    private long timeAt(final long index)
    {
        if (!tailer.moveToIndex(index))
        {
            return Long.MIN_VALUE;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return Long.MIN_VALUE;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            JournalFormat.readHeader(dc.index(), bytes, entry);
            return entry.timestampNanos();
        }
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}
