package dev.sxs.events;

/**
 * A consumer bound to a whole channel in place of the dispatcher's workers (the execution channel is
 * bound to the script processors this way, see {@link Dispatcher#bind}). The dispatcher still
 * validates, applies backpressure, counts and journals; it then hands each accepted event to the sink
 * on the publisher's thread.
 * <p>
 * Contract: {@link #accept} must be quick and must not block (queue the work); when the work for an
 * event is finished the sink calls {@link Dispatcher#completed(Channel, boolean)} exactly once, so
 * the channel's queue depth, drain and counters stay exact.
 *
 * @param <A> the type of what a publisher attaches to its event for the sink (the execution channel:
 *            the submitter's session and future), given to {@link ChannelBinding#publish}.
 */
@FunctionalInterface
public interface ChannelSink<A>
{
    /**
     * Take one accepted event.
     *
     * @param event      the event.
     * @param attachment what the publisher gave {@link ChannelBinding#publish}; null for an event published
     *                   without one ({@link Dispatcher#publish}, a replayed event).
     * @param replay     true when the event is a replayed one (its handlers' publications are suppressed).
     */
    void accept(Event event, A attachment, boolean replay);
}
