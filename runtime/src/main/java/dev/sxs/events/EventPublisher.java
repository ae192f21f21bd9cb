package dev.sxs.events;

/**
 * The publishing role of a dispatcher: live events in, each given a sequence number or refused with a
 * {@link Publication} code. {@link Dispatcher} implements it.
 * <p>
 * Threading: both methods are safe from any thread. Failure: neither throws. Allocation: the {@link Event}
 * record only.
 */
public interface EventPublisher
{
    /**
     * Publish an event. When its channel is full, the dispatcher's {@link OverflowStrategy} decides (under
     * {@code BLOCK} the caller waits up to the publish timeout).
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @param payload opaque data, not null (callers refuse error values first).
     * @param origin  the publisher's scope ("" for root).
     * @return the event's sequence number (&gt; 0) or a negative {@link Publication} code.
     */
    long publish(Channel channel, int topic, Object payload, String origin);

    /**
     * Publish an event without ever waiting: as {@link #publish}, except that a full channel refuses it at once
     * ({@link Publication#QUEUE_FULL}, counted as rejected) whatever the overflow strategy. For sources that run
     * on threads sxs must never block (probes on host methods). With a journal, the event is appended by the
     * dispatch thread before its handlers run, not by the caller ({@link EventJournal}): the caller pays no
     * append, and an append that fails discards the event (counted) rather than refusing the offer.
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @param payload opaque data, not null.
     * @param origin  the publisher's scope ("" for root).
     * @return the event's sequence number (&gt; 0) or a negative {@link Publication} code.
     */
    long offer(Channel channel, int topic, Object payload, String origin);
}
