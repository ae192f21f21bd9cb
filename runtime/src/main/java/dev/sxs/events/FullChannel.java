package dev.sxs.events;

/**
 * A channel without a free unit of capacity, as an {@link OverflowStrategy} sees it: the operations a
 * strategy may combine, each keeping the channel's counters and accounting exact.
 * <p>
 * Threading: safe from any publisher thread. Allocation: none.
 */
public interface FullChannel
{
    /** @return the channel. */
    Channel channel();

    /**
     * Take a unit if one was freed meanwhile.
     *
     * @return true when the caller now holds one.
     */
    boolean tryReserve();

    /**
     * Drop the oldest queued event of the channel (counted as discarded) and pass its unit to the
     * caller. Events inside handlers, held back behind an awaiting handler, or given to a channel sink
     * are never dropped.
     *
     * @return true when an event was dropped and the caller now holds its unit.
     */
    boolean discardOldest();

    /** @return true when at least one event of the channel is queued (so {@link #discardOldest} may succeed). */
    boolean anyQueued();

    /**
     * Refuse the publication for a full queue: counts it as rejected.
     *
     * @return {@link Publication#QUEUE_FULL}.
     */
    long reject();

    /**
     * Drop the publication itself: counts it as discarded.
     *
     * @return {@link Publication#DISCARDED}.
     */
    long discardNewest();

    /** @return true once the dispatcher refuses publications (a waiting strategy must give up). */
    boolean isClosed();

    /**
     * Register a publisher thread that parks until room is made. It is unparked when the channel is at
     * most half full, when a dispatch thread runs out of work, and at close. Register before the last
     * {@link #tryReserve()} so no wake-up is lost; always {@link #removeWaiter} afterwards.
     *
     * @param thread the waiting thread (the caller).
     */
    void addWaiter(Thread thread);

    /** @param thread a thread given to {@link #addWaiter}. */
    void removeWaiter(Thread thread);
}
