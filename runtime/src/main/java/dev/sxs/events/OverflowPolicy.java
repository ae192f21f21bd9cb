package dev.sxs.events;

import java.util.Locale;

/**
 * What a publish does when its channel's queue is full: the configuration names ({@code events.overflow},
 * the names Hazelcast users know) of the {@link OverflowStrategy} family.
 */
public enum OverflowPolicy
{
    /** Wait up to the publish timeout for room, then fail with {@link Publication#QUEUE_FULL}. */
    BLOCK,
    /** Fail at once with {@link Publication#QUEUE_FULL}. */
    ERROR,
    /** Drop the oldest queued event of the channel (counted as discarded) and accept the new one. */
    DISCARD_OLDEST,
    /** Drop the event being published (counted as discarded); the publisher sees {@link Publication#DISCARDED}. */
    DISCARD_NEWEST;

    /**
     * @param publishTimeoutMillis how long {@link #BLOCK} waits for room.
     * @return the strategy this policy names.
     */
    public OverflowStrategy newStrategy(final long publishTimeoutMillis)
    {
        switch (this)
        {
            case ERROR:
                return new RejectingOverflowStrategy();
            case DISCARD_OLDEST:
                return new DiscardOldestOverflowStrategy();
            case DISCARD_NEWEST:
                return new DiscardNewestOverflowStrategy();
            default:
                return new BlockingOverflowStrategy(publishTimeoutMillis);
        }
    }

    /**
     * @param name a policy name in any case.
     * @return the policy.
     * @throws IllegalArgumentException when the name names none.
     */
    public static OverflowPolicy parse(final String name)
    {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
