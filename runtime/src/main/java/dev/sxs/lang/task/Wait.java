package dev.sxs.lang.task;

import dev.sxs.events.Channel;

/**
 * What a step waits for when it ends: a {@code yield} (until resumed), an {@code await} of one event on a
 * channel/topic whose payload goes to a frame key, or a {@code sleep}. Immutable.
 *
 * @param kind    which wait.
 * @param channel the channel of an await, else null.
 * @param topic   the topic of an await, else 0.
 * @param key     the frame key an await's payload is stored at, else null.
 * @param millis  the length of a sleep, else 0.
 */
public record Wait(Kind kind, Channel channel, int topic, String key, long millis)
{
    /** The kinds of waiting. */
    public enum Kind
    {
        /** {@code core/task/yield}: paused until {@code core/task/resume}. */
        YIELD,
        /** {@code core/task/await}: waiting for one event. */
        AWAIT,
        /** {@code core/task/sleep}: waiting for a due time. */
        SLEEP
    }

    /** A yield. */
    public static final Wait YIELDED = new Wait(Kind.YIELD, null, 0, null, 0);

    /**
     * @param channel the channel.
     * @param topic   0..65535.
     * @param key     the frame key for the payload.
     * @return an await.
     */
    public static Wait await(final Channel channel, final int topic, final String key)
    {
        return new Wait(Kind.AWAIT, channel, topic, key, 0);
    }

    /**
     * @param millis how long, not negative.
     * @return a sleep.
     */
    public static Wait sleep(final long millis)
    {
        return new Wait(Kind.SLEEP, null, 0, null, millis);
    }
}
