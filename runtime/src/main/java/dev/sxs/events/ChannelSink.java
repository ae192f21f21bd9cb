package dev.sxs.events;

/**
 * A consumer bound to a whole channel in place of the dispatcher's workers (the execution channel is
 * bound to the script processors this way). The dispatcher still validates, applies backpressure,
 * counts and journals; it then hands each accepted event to the sink on the publisher's thread.
 * <p>
 * Contract: {@link #accept} must be quick and must not block (queue the work); when the work for an
 * event is finished the sink calls {@link Dispatcher#completed(Channel, boolean)} exactly once, so
 * the channel's queue depth, drain and counters stay exact.
 */
@FunctionalInterface
public interface ChannelSink
{
    /**
     * Take one accepted event.
     *
     * @param event      the event.
     * @param attachment the object given to {@link Dispatcher#publish(Channel, int, Object, String, Object)}, or null.
     * @param replay     true when the event is a replayed one (its handlers' publications are suppressed).
     */
    void accept(Event event, Object attachment, boolean replay);
}
