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
     * Publish a payload given in sxs syntax, through the runtime's gateway (which audits it).
     *
     * @param who     who publishes.
     * @param channel the channel.
     * @param topic   the topic, 0..65535.
     * @param payload the payload as sxs text: exactly one form, read but not evaluated.
     * @return the printed result: {@code true}, or an error value such as {@code @"queue full ..."} or
     *         a read error naming line and column. Never throws for bad input.
     */
    String publish(Principal who, Channel channel, int topic, String payload);
}
