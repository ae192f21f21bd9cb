package dev.sxs.events;

/**
 * The awaiting role of a dispatcher: wait for the next event on a channel/topic in a scope.
 * {@link Dispatcher} implements it.
 * <p>
 * Threading: safe from any thread; an awaiter is completed by the publishing thread and released when the
 * dispatcher closes. Failure: bad arguments throw {@link IllegalArgumentException}; a wait that times out or
 * is released by close gives null. Allocation: one {@link Awaiter} per listen.
 */
public interface EventAwaits
{
    /**
     * {@link #listen(Channel, int, String)} in the root scope {@code ""} (embedders, tests).
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @return the awaiter.
     */
    default Awaiter listen(final Channel channel, final int topic)
    {
        return listen(channel, topic, "");
    }

    /**
     * Start listening for the next event on a channel/topic published in a scope; events of other scopes
     * do not complete the awaiter. Listen first, then cause the event, then {@link Awaiter#await}.
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @param scope   the scope ("" or null for root).
     * @return the awaiter.
     * @throws IllegalArgumentException for a null channel or a topic out of range.
     */
    Awaiter listen(Channel channel, int topic, String scope);

    /**
     * Listen on a channel/topic in the root scope, run {@code body}, then wait for the next event there.
     *
     * @param channel       the channel.
     * @param topic         0..65535.
     * @param body          run after listening starts; may be null.
     * @param timeoutMillis how long to wait.
     * @return the event, or null on timeout or close.
     */
    default Event awaitNext(final Channel channel, final int topic, final Runnable body, final long timeoutMillis)
    {
        return Awaiters.runThenAwait(listen(channel, topic), body, timeoutMillis);
    }
}
