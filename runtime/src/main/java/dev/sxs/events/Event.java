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
 */
public record Event(long sequence, long timestampNanos, Channel channel, int topic, Object payload, String origin)
{
}
