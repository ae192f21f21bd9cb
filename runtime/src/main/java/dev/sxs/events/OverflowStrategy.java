package dev.sxs.events;

/**
 * Role: what a publication does when its channel holds no free unit of capacity (the channel's
 * {@code queueCapacity} events are queued, held back or inside handlers). The family, named like
 * Agrona's idle strategies: {@link BlockingOverflowStrategy}, {@link RejectingOverflowStrategy},
 * {@link DiscardOldestOverflowStrategy}, {@link DiscardNewestOverflowStrategy}; {@link OverflowPolicy}
 * names them in the configuration.
 * <p>
 * Threading: called on publisher threads, any number at once, only after a first attempt to take a
 * unit failed; implementations keep no per-call state. Failure: must not throw. Allocation: should be
 * none (this is on the publish path of a full channel).
 */
@FunctionalInterface
public interface OverflowStrategy
{
    /**
     * Get a unit of capacity for a publication, or refuse it.
     *
     * @param channel the full channel, with the operations a strategy may use.
     * @return 0 when the caller now holds a unit (the publication goes ahead), else a negative
     *     {@link Publication} code; the strategy has counted the refusal through {@code channel}
     *     ({@link FullChannel#reject()}, {@link FullChannel#discardNewest()}).
     */
    long onFull(FullChannel channel);
}
