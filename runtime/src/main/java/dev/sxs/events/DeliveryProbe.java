package dev.sxs.events;

/**
 * Role: told the publish-to-handler latency of a sample of events (management metrics). The
 * dispatcher calls it on the worker thread, just before the handlers of an event run, for one event in
 * {@link #SAMPLE_EVERY} (by sequence number), never for replayed events. Implementations must be
 * cheap, non-blocking and must not throw.
 */
@FunctionalInterface
public interface DeliveryProbe
{
    /** One event in this many is sampled (a power of two). */
    int SAMPLE_EVERY = 64;
    /** Mask over the sequence number selecting the sampled events. */
    long SAMPLE_MASK = SAMPLE_EVERY - 1;

    /**
     * @param channel      the event's channel.
     * @param latencyNanos nanoseconds from publication to the moment its handlers start.
     */
    void sampled(Channel channel, long latencyNanos);
}
