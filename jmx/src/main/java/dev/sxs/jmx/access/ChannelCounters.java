package dev.sxs.jmx.access;

/**
 * A snapshot of one channel's counters. Each counter only grows, except {@code queueDepth}.
 *
 * @param published     events accepted.
 * @param delivered     handler invocations that completed normally.
 * @param discarded     events dropped by an overflow policy (counted, never silent).
 * @param handlerErrors handler invocations that failed.
 * @param suppressed    publications suppressed during replay.
 * @param rejected      publications refused because the queue was full.
 * @param queueDepth    events accepted and not yet handled.
 * @param subscriptions handlers registered on the channel.
 * @param tooDeep       publications refused because their causal depth exceeded {@code events.maxDepth}.
 */
public record ChannelCounters(
    long published,
    long delivered,
    long discarded,
    long handlerErrors,
    long suppressed,
    long rejected,
    long queueDepth,
    int subscriptions,
    long tooDeep)
{
    /** All zero. */
    public static final ChannelCounters ZERO = new ChannelCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Counters with no depth refusals.
     *
     * @param published     events accepted.
     * @param delivered     handler invocations that completed normally.
     * @param discarded     events dropped by an overflow policy.
     * @param handlerErrors handler invocations that failed.
     * @param suppressed    publications suppressed during replay.
     * @param rejected      publications refused because the queue was full.
     * @param queueDepth    events accepted and not yet handled.
     * @param subscriptions handlers registered on the channel.
     */
    public ChannelCounters(final long published, final long delivered, final long discarded, final long handlerErrors,
        final long suppressed, final long rejected, final long queueDepth, final int subscriptions)
    {
        this(published, delivered, discarded, handlerErrors, suppressed, rejected, queueDepth, subscriptions, 0);
    }
}
