package dev.sxs.journal;

import dev.sxs.events.Channel;

/**
 * A reusable, mutable view of one journal record while it is being replayed (a flyweight: the reader
 * refills the same instance for every record). Valid only during the sink call that receives it; use
 * {@link #toRecord()} to keep it. Not thread-safe.
 */
public final class JournalEntry
{
    private final StringBuilder payload = new StringBuilder(64);
    private final StringBuilder origin = new StringBuilder(16);
    private long index;
    private long sequence;
    private long timestampNanos;
    private Channel channel;
    private int topic;
    private RecordType type;
    private int depth;

    void header(final long index, final Channel channel, final int topic, final long sequence,
        final long timestampNanos)
    {
        this.index = index;
        this.channel = channel;
        this.topic = topic;
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
    }

    void depth(final int depth)
    {
        this.depth = depth;
    }

    /** @return the event's causal depth (0 for records written before depths were journaled). */
    public int depth()
    {
        return depth;
    }

    void type(final RecordType type)
    {
        this.type = type;
    }

    StringBuilder payloadBuffer()
    {
        return payload;
    }

    StringBuilder originBuffer()
    {
        return origin;
    }

    /**
     * Refill this entry with an event read from a source other than a Chronicle journal (a backend's event stream,
     * {@link StreamCursor}): an {@link RecordType#EVENT} record.
     *
     * @param recordIndex    the record's position in its source (a stream sequence).
     * @param eventSequence  the event's sequence number.
     * @param timeNanos      the publication time, nanoseconds since the epoch.
     * @param eventChannel   the channel.
     * @param eventTopic     the topic.
     * @param eventDepth     the causal depth.
     * @param payloadText    the payload in canonical printed form.
     * @param originScope    the origin scope ("" for the root).
     */
    public void fill(final long recordIndex, final long eventSequence, final long timeNanos,
        final Channel eventChannel, final int eventTopic, final int eventDepth, final CharSequence payloadText,
        final CharSequence originScope)
    {
        header(recordIndex, eventChannel, eventTopic, eventSequence, timeNanos);
        depth = eventDepth;
        type = RecordType.EVENT;
        payload.setLength(0);
        payload.append(payloadText);
        origin.setLength(0);
        origin.append(originScope);
    }

    /** @return the record's index in the journal. */
    public long index()
    {
        return index;
    }

    /** @return the event's sequence number. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the publication time, nanoseconds since the epoch. */
    public long timestampNanos()
    {
        return timestampNanos;
    }

    /** @return the channel. */
    public Channel channel()
    {
        return channel;
    }

    /** @return the record type (of a format-1 record: null until its body was read). */
    public RecordType type()
    {
        return type;
    }

    /** @return the topic. */
    public int topic()
    {
        return topic;
    }

    /** @return the payload in canonical printed form (a view, valid during the call). */
    public CharSequence payload()
    {
        return payload;
    }

    /** @return the origin scope (a view, valid during the call). */
    public CharSequence origin()
    {
        return origin;
    }

    /**
     * @return an immutable copy of this record.
     */
    public JournalRecord toRecord()
    {
        return new JournalRecord(index, sequence, timestampNanos, channel, topic, payload.toString(), origin.toString(),
            type);
    }

    @Override
    public String toString()
    {
        return toRecord().toString();
    }
}
