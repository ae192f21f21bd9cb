package dev.sxs.events;

/**
 * A handler registered on one channel/topic, returned by {@link Dispatcher#subscribe}.
 * <p>
 * Threading: safe to use from any thread. {@link #close()} removes just this handler; events already
 * being delivered may still reach it once.
 */
public final class Subscription implements AutoCloseable
{
    private final Dispatcher dispatcher;
    private final Channel channel;
    private final int topic;
    private final EventHandler handler;
    private final Object ownerId;

    Subscription(final Dispatcher dispatcher, final Channel channel, final int topic, final EventHandler handler,
        final Object ownerId)
    {
        this.dispatcher = dispatcher;
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

    /** @return the owner given at subscribe time (a session, say), used by {@link Dispatcher#unsubscribe}. */
    public Object ownerId()
    {
        return ownerId;
    }

    /**
     * Remove this handler.
     *
     * @return true when it was registered until now.
     */
    public boolean cancel()
    {
        return dispatcher.remove(this);
    }

    @Override
    public void close()
    {
        cancel();
    }

    @Override
    public String toString()
    {
        return "Subscription[" + channel.label() + "/" + topic + " owner=" + ownerId + "]";
    }
}
