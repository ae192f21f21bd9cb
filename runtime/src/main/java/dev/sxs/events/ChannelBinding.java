package dev.sxs.events;

/**
 * A {@link ChannelSink} bound to a channel by {@link Dispatcher#bind}: publishes events with an
 * attachment of the sink's type, and returns the channel to the workers when closed.
 * <p>
 * An event published through this binding reaches the sink with its attachment while the binding is
 * the channel's; an event published otherwise ({@link Dispatcher#publish}, a replay) reaches it with
 * none. After {@link #close()} (or another {@code bind} of the channel) events go to whatever serves
 * the channel then, without the attachment.
 * <p>
 * Threading: safe from any thread. Allocation: none beyond the published {@link Event}.
 *
 * @param <A> the attachment type of the sink.
 */
public final class ChannelBinding<A> implements AutoCloseable
{
    private final Channel channel;
    private final ChannelSink<A> sink;
    private final Publisher publisher;
    private final ChannelState state;

    ChannelBinding(final Channel channel, final ChannelSink<A> sink, final Publisher publisher,
        final ChannelState state)
    {
        this.channel = channel;
        this.sink = sink;
        this.publisher = publisher;
        this.state = state;
    }

    static <A> ChannelBinding<A> bind(final Channel channel, final ChannelSink<A> sink, final Publisher publisher,
        final ChannelState state)
    {
        final ChannelBinding<A> binding = new ChannelBinding<>(channel, sink, publisher, state);
        synchronized (state)
        {
            state.binding = binding;
        }
        return binding;
    }

    /** @return the bound channel. */
    public Channel channel()
    {
        return channel;
    }

    /**
     * Publish an event on the bound channel; the sink receives it with {@code attachment}. Journaled,
     * counted and bounded like any event.
     *
     * @param topic      0..65535.
     * @param payload    opaque data, not null.
     * @param origin     the publisher's scope ("" for root).
     * @param attachment given to the sink with the event.
     * @return the sequence number or a negative {@link Publication} code.
     */
    public long publish(final int topic, final Object payload, final String origin, final A attachment)
    {
        return publisher.publish(channel, topic, payload, origin, this, attachment);
    }

    void deliver(final Event event, final A attachment, final boolean replay)
    {
        sink.accept(event, attachment, replay);
    }

    void deliverWithoutAttachment(final Event event, final boolean replay)
    {
        sink.accept(event, null, replay);
    }

    /** @return true while this binding serves its channel. */
    public boolean isBound()
    {
        return state.binding == this;
    }

    /** Return the channel to the dispatcher's workers, if this binding still serves it. Idempotent. */
    @Override
    public void close()
    {
        synchronized (state)
        {
            if (state.binding == this)
            {
                state.binding = null;
            }
        }
    }
}
