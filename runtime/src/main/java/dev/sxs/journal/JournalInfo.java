package dev.sxs.journal;

import java.nio.file.Path;

/**
 * A snapshot of a journal's metadata, as shown over JMX. Immutable.
 *
 * @param folder         the journal folder, or null when the journal is off.
 * @param records        number of records held (after retention).
 * @param firstIndex     index of the first record, or {@link Journal#NO_INDEX} when empty.
 * @param lastIndex      index of the last record, or {@link Journal#NO_INDEX} when empty.
 * @param firstTimeNanos publication time of the first record (nanoseconds since the epoch), 0 when empty.
 * @param lastTimeNanos  publication time of the last record (nanoseconds since the epoch), 0 when empty.
 * @param sizeOnDisk     bytes of the journal's files on disk.
 * @param rollCycle      the roll cycle name in use ("" when off).
 */
public record JournalInfo(
    Path folder,
    long records,
    long firstIndex,
    long lastIndex,
    long firstTimeNanos,
    long lastTimeNanos,
    long sizeOnDisk,
    String rollCycle)
{
    /** The metadata of a journal that is off. */
    public static final JournalInfo DISABLED = new JournalInfo(null, 0, Journal.NO_INDEX, Journal.NO_INDEX, 0, 0, 0,
        "");

    /**
     * @return true when the journal holds no record.
     */
    public boolean isEmpty()
    {
        return records == 0;
    }
}
