package dev.sxs.events;

/**
 * Outcome codes of {@link Dispatcher#publish}: a positive value is the accepted event's sequence
 * number; a negative value is one of the constants here (Aeron's {@code Publication.offer} style, so
 * the hot path allocates no result object and never throws).
 */
public final class Publication
{
    /** The channel's queue stayed full (BLOCK: for the whole publish timeout; ERROR: at once). */
    public static final long QUEUE_FULL = -1;
    /** The event was dropped by DISCARD_NEWEST (counted as discarded). */
    public static final long DISCARDED = -2;
    /** The channel was null. */
    public static final long BAD_CHANNEL = -3;
    /** The topic was outside 0..65535. */
    public static final long BAD_TOPIC = -4;
    /** The payload was null or an error value. */
    public static final long BAD_PAYLOAD = -5;
    /** Published from a handler of a replayed event: suppressed (counted), not queued. */
    public static final long SUPPRESSED = -6;
    /** The dispatcher is closed. */
    public static final long CLOSED = -7;
    /** The journal refused the event; it was not dispatched. */
    public static final long JOURNAL_FAILED = -8;
    /**
     * Published by a handler chain deeper than the dispatcher's maximum causal depth
     * ({@link DispatcherOptions#maxDepth()}): refused (counted as {@code tooDeep}), not queued.
     */
    public static final long TOO_DEEP = -9;

    private Publication()
    {
    }

    /**
     * @param result a publish result.
     * @return true when the event was accepted (a sequence number).
     */
    public static boolean isAccepted(final long result)
    {
        return result > 0;
    }

    /**
     * @param result a publish result.
     * @return a short description: {@code accepted}, {@code queue full}, ...
     */
    public static String describe(final long result)
    {
        if (result > 0)
        {
            return "accepted";
        }
        if (result == QUEUE_FULL)
        {
            return "queue full";
        }
        if (result == DISCARDED)
        {
            return "discarded";
        }
        if (result == BAD_CHANNEL)
        {
            return "bad channel";
        }
        if (result == BAD_TOPIC)
        {
            return "topic out of range";
        }
        if (result == BAD_PAYLOAD)
        {
            return "bad payload";
        }
        if (result == SUPPRESSED)
        {
            return "suppressed during replay";
        }
        if (result == CLOSED)
        {
            return "closed";
        }
        if (result == JOURNAL_FAILED)
        {
            return "journal failed";
        }
        if (result == TOO_DEEP)
        {
            return "causal depth too deep";
        }
        return "unknown result " + result;
    }
}
