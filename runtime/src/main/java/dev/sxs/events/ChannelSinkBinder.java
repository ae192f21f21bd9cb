package dev.sxs.events;

/**
 * The role of a dispatcher that hands a whole channel to one consumer in place of its workers (the execution
 * channel's processors). {@link Dispatcher} implements it.
 * <p>
 * Threading: safe from any thread; one binding per channel at a time. Failure: a null sink throws
 * {@link NullPointerException}. Allocation: the binding; {@link #completed} allocates nothing.
 */
public interface ChannelSinkBinder
{
    /**
     * Bind a consumer to a whole channel in place of the workers (used for the execution channel);
     * {@link ChannelBinding#close()} returns the channel to the workers.
     *
     * @param channel the channel.
     * @param sink    the consumer.
     * @param <A>     what publishers attach to their events for the sink.
     * @return the binding, through which events with an attachment are published.
     */
    <A> ChannelBinding<A> bind(Channel channel, ChannelSink<A> sink);

    /**
     * A bound {@link ChannelSink} reports one event finished.
     *
     * @param channel the channel.
     * @param ok      false when the work failed (counted as a handler error).
     */
    void completed(Channel channel, boolean ok);
}
