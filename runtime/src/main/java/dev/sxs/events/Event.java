package dev.sxs.events;

import dev.sxs.lang.Value;

/**
 * One published event as it is dispatched and journaled. Immutable.
 *
 * @param sequence      position in publish order across the runtime, starting at 1.
 * @param timestampNanos wall-clock time of publication, nanoseconds since the epoch.
 * @param channel       the channel.
 * @param topic         the topic, 0..65535.
 * @param payload       the data, any value except an error.
 * @param origin        the scope of the publishing session ("" for the root scope).
 */
public record Event(long sequence, long timestampNanos, Channel channel, int topic, Value payload, String origin)
{
}
