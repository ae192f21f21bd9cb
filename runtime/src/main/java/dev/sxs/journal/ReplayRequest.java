package dev.sxs.journal;

import java.time.Instant;

import dev.sxs.events.Channel;

/**
 * What to replay: a contiguous range of the journal, in journal order, then filtered. Immutable; build
 * it from {@link #ALL} with the {@code with...} methods.
 * <p>
 * The range starts at the first record whose index is at least {@code fromIndex} and whose time is at
 * least {@code sinceNanos}, and ends before the first record whose index is above {@code toIndex} or whose
 * time is after {@code untilNanos}, or at the last record present when the replay started. Within the
 * range, only records of {@code channel} (null = all) and {@code topic} (-1 = all) are delivered.
 *
 * @param fromIndex  first index, or {@link Journal#NO_INDEX} for the start.
 * @param sinceNanos earliest time (nanoseconds since the epoch), or {@link Long#MIN_VALUE} for any.
 * @param toIndex    last index (inclusive), or {@link Long#MAX_VALUE} for the end.
 * @param untilNanos latest time (inclusive), or {@link Long#MAX_VALUE} for any.
 * @param channel    the channel to deliver, or null for all.
 * @param topic      the topic to deliver, or {@link #ANY_TOPIC}.
 * @param pace       how fast records are delivered.
 */
public record ReplayRequest(
    long fromIndex,
    long sinceNanos,
    long toIndex,
    long untilNanos,
    Channel channel,
    int topic,
    Pace pace)
{
    /** Topic filter value meaning every topic. */
    public static final int ANY_TOPIC = -1;

    /** Everything, as fast as possible. */
    public static final ReplayRequest ALL = new ReplayRequest(
        Journal.NO_INDEX, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, null, ANY_TOPIC, Pace.INSTANT);

    /**
     * Delivery pace.
     */
    public enum Pace
    {
        /** As fast as the sink takes them. */
        INSTANT,
        /** With the recorded gaps between publication times. */
        ORIGINAL
    }

    /**
     * @param index first index to replay.
     * @return a copy starting there.
     */
    public ReplayRequest withFromIndex(final long index)
    {
        return new ReplayRequest(index, sinceNanos, toIndex, untilNanos, channel, topic, pace);
    }

    /**
     * @param time earliest publication time to replay.
     * @return a copy starting at the first record at or after that time.
     */
    public ReplayRequest withSince(final Instant time)
    {
        return new ReplayRequest(fromIndex, toNanos(time), toIndex, untilNanos, channel, topic, pace);
    }

    /**
     * @param index last index to replay (inclusive).
     * @return a copy ending there.
     */
    public ReplayRequest withToIndex(final long index)
    {
        return new ReplayRequest(fromIndex, sinceNanos, index, untilNanos, channel, topic, pace);
    }

    /**
     * @param time latest publication time to replay (inclusive).
     * @return a copy ending before the first record after that time.
     */
    public ReplayRequest withUntil(final Instant time)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, toNanos(time), channel, topic, pace);
    }

    /**
     * @param only the channel to deliver, or null for all.
     * @return a filtered copy.
     */
    public ReplayRequest withChannel(final Channel only)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, untilNanos, only, topic, pace);
    }

    /**
     * @param only the topic to deliver, or {@link #ANY_TOPIC}.
     * @return a filtered copy.
     */
    public ReplayRequest withTopic(final int only)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, untilNanos, channel, only, pace);
    }

    /**
     * @param newPace the delivery pace.
     * @return a copy with that pace.
     */
    public ReplayRequest withPace(final Pace newPace)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, untilNanos, channel, topic, newPace);
    }

    /**
     * @param channelNumber channel of a record.
     * @param recordTopic   topic of a record.
     * @return true when the filters let the record through.
     */
    boolean accepts(final Channel channelNumber, final int recordTopic)
    {
        return (channel == null || channel == channelNumber) && (topic == ANY_TOPIC || topic == recordTopic);
    }

    /**
     * @param time an instant.
     * @return nanoseconds since the epoch, saturated to the long range.
     */
    public static long toNanos(final Instant time)
    {
        try
        {
            return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
        }
        catch (final ArithmeticException ex)
        {
            return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
