package dev.sxs.journal;

/**
 * The records a {@link ReplayRequest} selects before its channel and topic filters: a contiguous run of
 * the journal from {@code firstIndex} to {@code lastIndex}, both inclusive, found through the queue's
 * index ({@link JournalReader#range}). Immutable.
 *
 * @param firstIndex the first record's index, or {@link Journal#NO_INDEX} when the range is empty.
 * @param lastIndex  the last record's index, or {@link Journal#NO_INDEX} when the range is empty.
 * @param records    how many records the range holds.
 */
public record JournalRange(long firstIndex, long lastIndex, long records)
{
    /** No record. */
    public static final JournalRange EMPTY = new JournalRange(Journal.NO_INDEX, Journal.NO_INDEX, 0);

    /** @return true when the range holds no record. */
    public boolean isEmpty()
    {
        return records == 0;
    }
}
