package dev.sxs.jmx.mbean;

import dev.sxs.journal.JournalRecord;

import javax.management.ConstructorParameters;
import java.time.Instant;
import java.util.Locale;

/**
 * One journal record as {@code Journal.tail} returns it; the MXBean mapping turns it into a
 * {@link javax.management.openmbean.CompositeData} with the items {@code index}, {@code time} (ISO-8601
 * UTC), {@code timeMillis} (epoch milliseconds, for charts), {@code channel}, {@code topic}, {@code scope},
 * {@code type} and {@code payload}. Immutable.
 */
public final class TailEntry
{
    private final long index;
    private final String time;
    private final long timeMillis;
    private final String channel;
    private final int topic;
    private final String scope;
    private final String type;
    private final String payload;

    /**
     * @param index      the record's journal index.
     * @param time       publication time, ISO-8601 UTC.
     * @param timeMillis publication time, epoch milliseconds.
     * @param channel    A..F or exec.
     * @param topic      0..65535.
     * @param scope      the publishing session's scope ("" for root).
     * @param type       event, script or audit.
     * @param payload    the payload in canonical printed form.
     */
    @ConstructorParameters({"index", "time", "timeMillis", "channel", "topic", "scope", "type", "payload"})
    public TailEntry(final long index, final String time, final long timeMillis, final String channel,
        final int topic, final String scope, final String type, final String payload)
    {
        this.index = index;
        this.time = time;
        this.timeMillis = timeMillis;
        this.channel = channel;
        this.topic = topic;
        this.scope = scope;
        this.type = type;
        this.payload = payload;
    }

    /**
     * @param record a journal record.
     * @return it as a tail entry.
     */
    public static TailEntry of(final JournalRecord record)
    {
        final long nanos = record.timestampNanos();
        return new TailEntry(record.index(), Instant.ofEpochSecond(0, nanos).toString(),
            Math.floorDiv(nanos, 1_000_000L), record.channel().label(), record.topic(),
            record.origin() == null ? "" : record.origin(), record.type().name().toLowerCase(Locale.ROOT),
            record.payload());
    }

    /** @return the record's journal index. */
    public long getIndex()
    {
        return index;
    }

    /** @return publication time, ISO-8601 UTC. */
    public String getTime()
    {
        return time;
    }

    /** @return publication time, epoch milliseconds. */
    public long getTimeMillis()
    {
        return timeMillis;
    }

    /** @return A..F or exec. */
    public String getChannel()
    {
        return channel;
    }

    /** @return the topic. */
    public int getTopic()
    {
        return topic;
    }

    /** @return the scope of the session that published it ("" for root). */
    public String getScope()
    {
        return scope;
    }

    /** @return event, script or audit. */
    public String getType()
    {
        return type;
    }

    /** @return the payload in canonical printed form. */
    public String getPayload()
    {
        return payload;
    }
}
