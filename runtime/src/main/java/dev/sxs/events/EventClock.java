package dev.sxs.events;

import java.util.concurrent.TimeUnit;

/**
 * The time of events: the wall-clock timestamp a publication is stamped with (a monotonic clock offset
 * once from the wall clock, so timestamps never go backwards), and the {@link DeliveryProbe} told the
 * publish-to-handler latency of sampled events.
 * <p>
 * Threading: safe from any thread. Allocation: none.
 */
final class EventClock
{
    private final long wallNanosBase;
    private final long monoNanosBase;
    private volatile DeliveryProbe probe;

    EventClock()
    {
        final long wall = System.currentTimeMillis();
        this.monoNanosBase = System.nanoTime();
        this.wallNanosBase = TimeUnit.MILLISECONDS.toNanos(wall);
    }

    /** @return nanoseconds since the epoch. */
    long now()
    {
        return wallNanosBase + (System.nanoTime() - monoNanosBase);
    }

    /**
     * @param monoNanos a {@link System#nanoTime} reading taken by the caller (an offer's own time).
     * @return it in nanoseconds since the epoch, on the same scale as {@link #now}.
     */
    long at(final long monoNanos)
    {
        return wallNanosBase + (monoNanos - monoNanosBase);
    }

    /** @param deliveryProbe the probe, or null for none. */
    void probe(final DeliveryProbe deliveryProbe)
    {
        this.probe = deliveryProbe;
    }

    /**
     * Tell the probe, if one is installed, how long ago the event was published. Called on the dispatch
     * thread for the events {@link DeliveryProbe#SAMPLE_MASK} selects.
     *
     * @param event the event whose handlers start now.
     */
    void sample(final Event event)
    {
        final DeliveryProbe p = probe;
        if (p != null)
        {
            try
            {
                p.sampled(event.channel(), now() - event.timestampNanos());
            }
            catch (final Throwable ignored)
            {
                // a metrics probe must never cost a delivery or a dispatch thread
            }
        }
    }
}
