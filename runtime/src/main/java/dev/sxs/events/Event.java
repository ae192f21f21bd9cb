package dev.sxs.events;

/**
 * One published event as it is dispatched and journaled. Immutable.
 *
 * @param sequence      position in publish order across the runtime, starting at 1.
 * @param timestampNanos wall-clock time of publication, nanoseconds since the epoch.
 * @param channel       the channel.
 * @param topic         the topic, 0..65535.
 * @param payload       the data, opaque to the event system (the language's value); never null.
 * @param origin        the scope of the publishing session ("" for the root scope).
 * @param depth         the causal depth: handler hops from the outside publish (0 for a publish by a host
 *                      thread, a script's top level or JMX; d+1 for a publish made by a handler of an event
 *                      of depth d). See {@link EventThread#currentPublishDepth()}.
 */
public record Event(long sequence, long timestampNanos, Channel channel, int topic, Object payload, String origin,
    int depth)
{
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
        this(sequence, timestampNanos, channel, topic, payload, origin, 0);
    }
}
