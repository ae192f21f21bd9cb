package dev.sxs.jmx.access;

import dev.sxs.events.Channel;
import dev.sxs.journal.JournalRecord;

import java.util.List;

/**
 * What the {@code type=Journal} MBean and the journal metrics need. Threading: any thread.
 */
public interface JournalAccess
{
    /** Index meaning "no record" (empty journal, or replay from the start / to the end). */
    long NO_INDEX = -1L;
    /** Topic meaning "every topic". */
    int ANY_TOPIC = -1;

    /** @return the journal folder, "" when the journal is off. */
    String folder();

    /** @return records held. */
    long records();

    /** @return index of the first record, or {@link #NO_INDEX}. */
    long firstIndex();

    /** @return index of the last record, or {@link #NO_INDEX}. */
    long lastIndex();

    /** @return publication time of the first record, epoch nanoseconds, 0 when empty. */
    long firstTimeNanos();

    /** @return publication time of the last record, epoch nanoseconds, 0 when empty. */
    long lastTimeNanos();

    /** @return bytes of journal files on disk. */
    long sizeOnDisk();

    /**
     * Start re-publishing records into the live runtime in the background.
     *
     * @param fromIndex first index, or {@link #NO_INDEX} for the start.
     * @param toIndex   last index (inclusive), or {@link #NO_INDEX} for the end.
     * @param channel   the channel to replay, or null for all.
     * @param topic     the topic to replay, or {@link #ANY_TOPIC}.
     * @param scripts   true to re-run script records too (they subscribe their handlers again); false
     *                  re-publishes events only.
     * @return the live progress.
     * @throws IllegalStateException when a replay is already running or the journal is off.
     */
    ReplayStatus replay(long fromIndex, long toIndex, Channel channel, int topic, boolean scripts);

    /**
     * @param n how many records.
     * @return the last {@code n} records, oldest first; empty when the journal is off.
     */
    List<JournalRecord> tail(int n);
}
