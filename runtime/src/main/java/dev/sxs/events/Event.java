package dev.sxs.events;

import java.util.Objects;

/**
 * One published event as it is dispatched and journaled. Immutable, with value semantics over all its fields
 * (as a record's), including {@link #journalOnDispatch()} and {@link #offered()}.
 * <p>
 * A final class rather than a record so that the journal and offer flags share a word with the depth: the event
 * stays 48 bytes (with compressed pointers), what it was before the flags, and the offering thread allocates nothing
 * besides it (before, an offered event with a journal was wrapped in a 16-byte queue element).
 */
public final class Event
{
    /** The deepest causal depth an event can carry: the depth shares its word with two flags. */
    public static final int MAX_DEPTH = (1 << 30) - 1;
    private static final int JOURNAL_ON_DISPATCH = Integer.MIN_VALUE;
    private static final int OFFERED = 1 << 30;

    private final long sequence;
    private final long timestampNanos;
    private final Channel channel;
    private final int topic;
    private final Object payload;
    private final String origin;
    /**
     * The depth in the low 30 bits, {@link #OFFERED} for an offered event, {@link #JOURNAL_ON_DISPATCH} when the
     * dispatch thread journals it.
     */
    private final int depthAndFlag;

    /**
     * @param sequence          position in publish order across the runtime, starting at 1.
     * @param timestampNanos    wall-clock time of publication, nanoseconds since the epoch.
     * @param channel           the channel.
     * @param topic             the topic, 0..65535.
     * @param payload           the data, opaque to the event system (the language's value); never null.
     * @param origin            the scope of the publishing session ("" for the root scope).
     * @param depth             the causal depth: handler hops from the outside publish (0 for a publish by a host
     *                          thread, a script's top level or JMX; d+1 for a publish made by a handler of an event
     *                          of depth d; see {@link EventThread#currentPublishDepth()}); 0..{@link #MAX_DEPTH}.
     * @param journalOnDispatch true for an offered event that a journal appends on the dispatch thread, just before
     *                          its handlers run ({@link JournalHook#appendLate}); false for one journaled when
     *                          published, replayed, or not journaled.
     * @param offered           true for an event published by {@link EventPublisher#offer} (a source that never
     *                          waits, such as a probe): its worker may take it after a short park
     *                          ({@link ParkingIdleStrategy}) rather than be woken for it.
     * @throws IllegalArgumentException for a depth out of range.
     */
    public Event(final long sequence, final long timestampNanos, final Channel channel, final int topic,
        final Object payload, final String origin, final int depth, final boolean journalOnDispatch,
        final boolean offered)
    {
        if (depth < 0 || depth > MAX_DEPTH)
        {
            throw new IllegalArgumentException("an event's depth is 0.." + MAX_DEPTH + ": " + depth);
        }
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
        this.channel = channel;
        this.topic = topic;
        this.payload = payload;
        this.origin = origin;
        this.depthAndFlag = depth | (journalOnDispatch ? JOURNAL_ON_DISPATCH : 0) | (offered ? OFFERED : 0);
    }

    /**
     * An event that was not offered (the parameters as for the full constructor).
     *
     * @param sequence          position in publish order.
     * @param timestampNanos    publication time, nanoseconds since the epoch.
     * @param channel           the channel.
     * @param topic             the topic.
     * @param payload           the data.
     * @param origin            the publisher's scope.
     * @param depth             the causal depth, 0..{@link #MAX_DEPTH}.
     * @param journalOnDispatch true when a journal appends it on the dispatch thread.
     */
    public Event(final long sequence, final long timestampNanos, final Channel channel, final int topic,
        final Object payload, final String origin, final int depth, final boolean journalOnDispatch)
    {
        this(sequence, timestampNanos, channel, topic, payload, origin, depth, journalOnDispatch, false);
    }

    /**
     * An event journaled when published, or not at all (the parameters as for the full constructor).
     *
     * @param sequence       position in publish order.
     * @param timestampNanos publication time, nanoseconds since the epoch.
     * @param channel        the channel.
     * @param topic          the topic.
     * @param payload        the data.
     * @param origin         the publisher's scope.
     * @param depth          the causal depth, 0..{@link #MAX_DEPTH}.
     */
    public Event(final long sequence, final long timestampNanos, final Channel channel, final int topic,
        final Object payload, final String origin, final int depth)
    {
        this(sequence, timestampNanos, channel, topic, payload, origin, depth, false);
    }

    /**
     * An event of depth 0 (an outside publish, a journaled event read without a depth).
     *
     * @param sequence       position in publish order.
     * @param timestampNanos publication time, nanoseconds since the epoch.
     * @param channel        the channel.
     * @param topic          the topic.
     * @param payload        the data.
     * @param origin         the publisher's scope.
     */
    public Event(final long sequence, final long timestampNanos, final Channel channel, final int topic,
        final Object payload, final String origin)
    {
        this(sequence, timestampNanos, channel, topic, payload, origin, 0, false);
    }

    /** @return position in publish order across the runtime, starting at 1. */
    public long sequence()
    {
        return sequence;
    }

    /** @return wall-clock time of publication, nanoseconds since the epoch. */
    public long timestampNanos()
    {
        return timestampNanos;
    }

    /** @return the channel. */
    public Channel channel()
    {
        return channel;
    }

    /** @return the topic, 0..65535. */
    public int topic()
    {
        return topic;
    }

    /** @return the data, opaque to the event system. */
    public Object payload()
    {
        return payload;
    }

    /** @return the scope of the publishing session ("" for the root scope). */
    public String origin()
    {
        return origin;
    }

    /** @return the causal depth (handler hops from the outside publish). */
    public int depth()
    {
        return depthAndFlag & MAX_DEPTH;
    }

    /**
     * @return true when a journal appends this event on the dispatch thread just before its handlers run (an
     *     offered event), false when it was journaled when published, is replayed, or is not journaled.
     */
    public boolean journalOnDispatch()
    {
        return depthAndFlag < 0;
    }

    /**
     * @return true for an event published by {@link EventPublisher#offer} (a source that never waits, such as a
     *     probe), false for a live publish or a replayed event.
     */
    public boolean offered()
    {
        return (depthAndFlag & OFFERED) != 0;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Event e && sequence == e.sequence && timestampNanos == e.timestampNanos
            && channel == e.channel && topic == e.topic && depthAndFlag == e.depthAndFlag
            && Objects.equals(payload, e.payload) && Objects.equals(origin, e.origin);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(sequence, timestampNanos, channel, topic, payload, origin, depthAndFlag);
    }

    @Override
    public String toString()
    {
        return "Event[sequence=" + sequence + ", timestampNanos=" + timestampNanos + ", channel=" + channel
            + ", topic=" + topic + ", payload=" + payload + ", origin=" + origin + ", depth=" + depth()
            + ", journalOnDispatch=" + journalOnDispatch() + ", offered=" + offered() + "]";
    }
}
