package dev.sxs.jmx.access;

import dev.sxs.events.Channel;
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
     * Publish a payload given in sxs syntax into the configured default scope ({@code scope}), through the
     * runtime's gateway (which audits it): {@link #publish(Principal, Channel, int, String, String)} with a
     * null scope.
     *
     * @param who     who publishes.
     * @param channel the channel.
     * @param topic   the topic, 0..65535.
     * @param payload the payload as sxs text: exactly one form, read but not evaluated.
     * @return the printed result: {@code true}, or an error value such as {@code @"queue full ..."} or
     *         a read error naming line and column. Never throws for bad input.
     */
    default String publish(final Principal who, final Channel channel, final int topic, final String payload)
    {
        return publish(who, channel, topic, payload, null);
    }

    /**
     * Publish a payload given in sxs syntax into a scope, through the runtime's gateway (which audits it).
     * Only handlers and awaits of that scope see the event (docs/events.md, "Scopes").
     *
     * @param who     who publishes.
     * @param channel the channel.
     * @param topic   the topic, 0..65535.
     * @param payload the payload as sxs text: exactly one form, read but not evaluated.
     * @param scope   the scope ("" for root), or null for the configured default scope.
     * @return the printed result, as {@link #publish(Principal, Channel, int, String)}.
     */
    String publish(Principal who, Channel channel, int topic, String payload, String scope);
}
