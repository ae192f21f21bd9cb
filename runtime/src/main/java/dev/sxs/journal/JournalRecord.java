package dev.sxs.journal;

import dev.sxs.events.Channel;

/**
 * One journal record, as kept. Immutable.
 *
 * @param index          the record's index in the journal.
 * @param sequence       the event's sequence number.
 * @param timestampNanos publication time, nanoseconds since the epoch.
 * @param channel        the channel.
 * @param topic          the topic, 0..65535.
 * @param payload        the payload in canonical printed form.
 * @param origin         the scope of the publishing session ("" for root).
 * @param type           event, script or audit.
 */
public record JournalRecord(
    long index,
    long sequence,
    long timestampNanos,
    Channel channel,
    int topic,
    String payload,
    String origin,
    RecordType type)
{
}
