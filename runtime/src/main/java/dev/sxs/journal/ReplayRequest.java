package dev.sxs.journal;

import java.time.Instant;

import dev.sxs.events.Channel;

/**
 * What to replay: a contiguous range of the journal, in journal order, then filtered. Immutable; build
 * it from {@link #ALL} with the {@code with...} methods.
 * <p>
 * The range starts at the first record whose index is at least {@code fromIndex} and whose time is at
 * least {@code sinceNanos}, and ends at the last record whose index is at most {@code toIndex} and whose time
 * is at most {@code untilNanos} (both time bounds inclusive), or at the last record present when the replay
 * started; {@link JournalReader#range} finds both ends through the index. Within the
 * range, only records of {@code channel} (null = all) and {@code topic} (-1 = all) are delivered.
 *
 * @param fromIndex  first index, or {@link Journal#NO_INDEX} for the start.
 * @param sinceNanos earliest time (nanoseconds since the epoch), or {@link Long#MIN_VALUE} for any.
 * @param toIndex    last index (inclusive), or {@link Long#MAX_VALUE} for the end.
 * @param untilNanos latest time (inclusive), or {@link Long#MAX_VALUE} for any.
 * @param channel    the channel to deliver, or null for all.
 * @param topic      the topic to deliver, or {@link #ANY_TOPIC}.
 * @param pace       how fast records are delivered.
 * @param speed      how many times faster than recorded an {@link Pace#ORIGINAL} replay runs (1 = as
 *                   recorded); positive.
 */
public record ReplayRequest(
    long fromIndex,
    long sinceNanos,
    long toIndex,
    long untilNanos,
    Channel channel,
    int topic,
    Pace pace,
    double speed)
{
    /** Topic filter value meaning every topic. */
    public static final int ANY_TOPIC = -1;

    /** Everything, as fast as possible. */
    public static final ReplayRequest ALL = new ReplayRequest(
        Journal.NO_INDEX, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, null, ANY_TOPIC, Pace.INSTANT, 1.0);

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
        return new ReplayRequest(index, sinceNanos, toIndex, untilNanos, channel, topic, pace, speed);
    }

    /**
     * @param time earliest publication time to replay.
     * @return a copy starting at the first record at or after that time.
     */
    public ReplayRequest withSince(final Instant time)
    {
        return new ReplayRequest(fromIndex, toNanos(time), toIndex, untilNanos, channel, topic, pace, speed);
    }

    /**
     * @param index last index to replay (inclusive).
     * @return a copy ending there.
     */
    public ReplayRequest withToIndex(final long index)
    {
        return new ReplayRequest(fromIndex, sinceNanos, index, untilNanos, channel, topic, pace, speed);
    }

    /**
     * @param time latest publication time to replay (inclusive).
     * @return a copy ending before the first record after that time.
     */
    public ReplayRequest withUntil(final Instant time)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, toNanos(time), channel, topic, pace, speed);
    }

    /**
     * @param only the channel to deliver, or null for all.
     * @return a filtered copy.
     */
    public ReplayRequest withChannel(final Channel only)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, untilNanos, only, topic, pace, speed);
    }

    /**
     * @param only the topic to deliver, or {@link #ANY_TOPIC}.
     * @return a filtered copy.
     */
    public ReplayRequest withTopic(final int only)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, untilNanos, channel, only, pace, speed);
    }

    /**
     * @param newPace the delivery pace.
     * @return a copy with that pace.
     */
    public ReplayRequest withPace(final Pace newPace)
    {
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, untilNanos, channel, topic, newPace, speed);
    }

    /**
     * @param times how many times faster than recorded, positive (2 halves every gap).
     * @return a copy at the original pace, sped up by that factor.
     * @throws IllegalArgumentException when the factor is not a positive finite number.
     */
    public ReplayRequest withSpeed(final double times)
    {
        if (!(times > 0) || Double.isInfinite(times))
        {
            throw new IllegalArgumentException("speed must be a positive number, got " + times);
        }
        return new ReplayRequest(fromIndex, sinceNanos, toIndex, untilNanos, channel, topic, Pace.ORIGINAL, times);
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
