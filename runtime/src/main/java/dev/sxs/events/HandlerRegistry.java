package dev.sxs.events;

import java.util.List;
import java.util.Map;

/**
 * The subscribing role of a dispatcher: handlers registered on a channel/topic in a scope, owned by a
 * {@code long} owner id (a session's), removed by owner. {@link Dispatcher} implements it.
 * <p>
 * Threading: every method is safe from any thread; a registration applies to events dispatched after it
 * returns (docs/events.md). Failure: bad arguments throw {@link IllegalArgumentException}, nothing else does.
 * Allocation: a registration copies the topic's handler table (copy-on-write), so dispatch reads it lock-free.
 */
public interface HandlerRegistry
{
    /**
     * {@link #subscribe(Channel, int, EventHandler, long, String)} in the root scope {@code ""} (embedders, tests).
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @param handler the handler.
     * @param ownerId who registered it (a session's id; {@link Subscription#NO_OWNER} for none).
     * @return the subscription handle.
     */
    default Subscription subscribe(final Channel channel, final int topic, final EventHandler handler,
        final long ownerId)
    {
        return subscribe(channel, topic, handler, ownerId, "");
    }

    /**
     * Register a handler in a scope: it receives only the events published on the channel/topic in that
     * scope (an {@link Event#origin()} equal to it); each scope is its own event space (docs/events.md).
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @param handler the handler.
     * @param ownerId who registered it (a session's id; {@link Subscription#NO_OWNER} for none).
     * @param scope   the scope ("" or null for root).
     * @return the subscription handle.
     * @throws IllegalArgumentException for a null channel or handler or a topic out of range.
     */
    Subscription subscribe(Channel channel, int topic, EventHandler handler, long ownerId, String scope);

    /**
     * Remove the handlers an owner registered on a channel/topic.
     *
     * @param channel the channel.
     * @param topic   the topic.
     * @param ownerId the owner.
     * @return how many were removed.
     */
    int unsubscribe(Channel channel, int topic, long ownerId);

    /**
     * Remove every handler of an owner (a closing session).
     *
     * @param ownerId the owner.
     * @return how many were removed.
     */
    int unsubscribeAll(long ownerId);

    /**
     * @param ownerId an owner.
     * @return the handlers it has registered now, in registration order (a snapshot).
     */
    List<Subscription> subscriptionsOf(long ownerId);

    /**
     * @param channel a channel.
     * @return topics with handlers, to handler counts over all scopes, ascending.
     */
    Map<Integer, Integer> topics(Channel channel);
}
