package dev.sxs.events;

/**
 * Role of the worker pool towards a {@link DispatchAgent}: take over its partition with a compensating
 * thread when a handler awaits, and hear of its end.
 * <p>
 * Threading: called on dispatch threads.
 */
interface Handover
{
    /**
     * Reserve one compensating thread, within the cap.
     *
     * @return false when the cap is reached (the await is then refused instead of blocking).
     */
    boolean reserve();

    /**
     * Make a compensating agent the partition's owner and start its thread. Follows a successful
     * {@link #reserve()}.
     *
     * @param partition the partition to take over.
     */
    void takeOver(Partition partition);

    /**
     * An agent's runner ended (from its thread, in {@code onClose}).
     *
     * @param agent the agent.
     */
    void ended(DispatchAgent agent);
}
