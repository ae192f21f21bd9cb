package dev.sxs.jmx.access;

import dev.sxs.events.Channel;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;

import java.util.Map;

/**
 * What the {@code type=Channel} MBeans and the channel metrics need from the dispatcher. Threading:
 * any thread. Reading counters must not disturb dispatch (plain reads of existing counters).
 */
public interface ChannelAccess
{
    /**
     * @param channel the channel.
     * @return a snapshot of its counters.
     */
    ChannelCounters counters(Channel channel);

    /**
     * @param channel the channel.
     * @return topic to number of handlers, for topics with at least one handler, ascending.
     */
    Map<Integer, Integer> topics(Channel channel);

    /**
     * @return each distinct handler error seen (as the dispatcher keys it) with its count; empty when
     *         unknown. For notifications, not for a hot path.
     */
    default Map<String, Long> distinctErrors()
    {
        return Map.of();
    }

    /**
     * Publish a value into the configured default scope ({@code scope}), through the runtime's gateway
     * (which audits it): {@link #publish(Principal, Channel, int, Value, String)} with a null scope.
     *
     * @param who     who publishes.
     * @param channel the channel.
     * @param topic   the topic, 0..65535.
     * @param payload the payload (read from sxs syntax, or a string).
     * @throws IllegalStateException when the runtime refuses it (queue full, too deep, not permitted,
     *                               publishing not available), with the refusal as message.
     */
    default void publish(final Principal who, final Channel channel, final int topic, final Value payload)
    {
        publish(who, channel, topic, payload, null);
    }

    /**
     * Publish a value into a scope, through the runtime's gateway (which audits it). Only handlers and
     * awaits of that scope see the event (docs/events.md, "Scopes").
     *
     * @param who     who publishes.
     * @param channel the channel.
     * @param topic   the topic, 0..65535.
     * @param payload the payload (read from sxs syntax, or a string).
     * @param scope   the scope ("" for root), or null for the configured default scope.
     * @throws IllegalStateException as {@link #publish(Principal, Channel, int, Value)}.
     */
    void publish(Principal who, Channel channel, int topic, Value payload, String scope);
}
