package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;

/**
 * {@code dev.sxs:type=Journal}: the event journal and replay.
 */
@Description("The sxs event journal (Chronicle Queue): index and time range, disk use; replay with progress; tail.")
public interface JournalMXBean
{
    /** @return folder. */
    @Description("Journal folder; empty when the journal is off.")
    String getFolder();

    /** @return records. */
    @Description("Number of records held (after retention).")
    long getRecords();

    /** @return first index. */
    @Description("Index of the first record; -1 when empty.")
    long getFirstIndex();

    /** @return last index. */
    @Description("Index of the last record; -1 when empty.")
    long getLastIndex();

    /** @return first time. */
    @Description("Publication time of the first record, ISO-8601 UTC; empty when empty.")
    String getFirstTime();

    /** @return last time. */
    @Description("Publication time of the last record, ISO-8601 UTC; empty when empty.")
    String getLastTime();

    /** @return size on disk. */
    @Description("Bytes of journal files on disk.")
    long getSizeOnDisk();

    /** @return replay state. */
    @Description("State of the last replay: NONE, RUNNING, DONE, FAILED or CANCELLED.")
    String getReplayState();

    /** @return total. */
    @Description("Records in the range of the last replay (0 before the first replay).")
    long getReplayTotal();

    /** @return read. */
    @Description("Records the last replay has read so far.")
    long getReplayRead();

    /** @return delivered. */
    @Description("Records the last replay has re-published so far.")
    long getReplayDelivered();

    /** @return percent. */
    @Description("Progress of the last replay, 0..100 (read / total).")
    double getReplayPercent();

    /** @return error. */
    @Description("Why the last replay failed; empty when it did not.")
    String getReplayError();

    /**
     * @param from    first index.
     * @param to      last index.
     * @param channel channel.
     * @param topic   topic.
     * @return what started.
     */
    @Description(value = "Re-publish journal records into the live runtime in the background: handlers run "
        + "and their store writes apply, their own publications are suppressed. Progress in the Replay* "
        + "attributes. Events only by default; scripts (which subscribe their handlers again) only with "
        + "channel exec or all. With backend=nats, the cluster's event stream is read instead and from/to are "
        + "stream sequences. Audited.", impact = MBeanOperationInfo.ACTION)
    String replay(
        @Param(name = "from", description = "first index, -1 for the first record") long from,
        @Param(name = "to", description = "last index (inclusive), -1 for the last record") long to,
        @Param(name = "channel", description = "A..F for that channel's events, empty for the events of all "
            + "channels, exec for the scripts only, all for events and scripts") String channel,
        @Param(name = "topic", description = "topic 0..65535, -1 for all topics") int topic);

    /**
     * @param n count.
     * @return the records.
     */
    @Description("The last n records, oldest first, one composite each: index, time (ISO-8601 UTC), timeMillis "
        + "(epoch milliseconds), channel, topic, scope, type (event, script, audit), payload (sxs syntax).")
    TailEntry[] tail(@Param(name = "n", description = "how many records, 1..10000") int n);
}
