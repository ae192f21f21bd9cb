package dev.sxs.events;

/**
 * A handler registered on one channel/topic in one scope, returned by {@link Dispatcher#subscribe}.
 * <p>
 * Threading: safe to use from any thread. {@link #close()} removes just this handler; events already
 * being delivered may still reach it once.
 */
public final class Subscription implements AutoCloseable
{
    /** The owner of a handler registered without one (never matched by an owner-wide removal of a session). */
    public static final long NO_OWNER = 0;

    private final Subscriptions subscriptions;
    private final Channel channel;
    private final int topic;
    private final EventHandler handler;
    private final long ownerId;
    private final String scope;

    Subscription(final Subscriptions subscriptions, final Channel channel, final int topic, final EventHandler handler,
        final long ownerId, final String scope)
    {
        this.scope = scope;
        this.subscriptions = subscriptions;
        this.channel = channel;
        this.topic = topic;
        this.handler = handler;
        this.ownerId = ownerId;
    }

    /** @return the channel. */
    public Channel channel()
    {
        return channel;
    }

    /** @return the topic. */
    public int topic()
    {
        return topic;
    }

    /** @return the handler. */
    public EventHandler handler()
    {
        return handler;
    }

    /**
     * @return the owner given at subscribe time (a session's id, say; {@link #NO_OWNER} for none), used by
     *     {@link Dispatcher#unsubscribe} and {@link Dispatcher#unsubscribeAll}.
     */
    public long ownerId()
    {
        return ownerId;
    }

    /** @return the scope it listens in ("" for root): only events published in this scope reach it. */
    public String scope()
    {
        return scope;
    }

    /**
     * Remove this handler.
     *
     * @return true when it was registered until now.
     */
    public boolean cancel()
    {
        return subscriptions.remove(this);
    }

    @Override
    public void close()
    {
        cancel();
    }

    @Override
    public String toString()
    {
        return "Subscription[" + channel.label() + "/" + topic + " owner=" + ownerId + " scope=\"" + scope + "\"]";
    }
}
