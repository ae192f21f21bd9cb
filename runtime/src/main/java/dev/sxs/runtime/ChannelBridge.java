package dev.sxs.runtime;

import dev.sxs.events.Dispatcher;
import dev.sxs.events.EventJournal;

/**
 * Channels A..F shared with other JVMs, opened by a {@link Backend}: every event this JVM's dispatcher accepts
 * from a local publisher goes out through the journal hook {@link #outbound} returns, and events published in
 * other JVMs come in through {@link Dispatcher#publish} once {@link #start} has run, so handlers, awaiters,
 * capacity, overflow and the journal treat them like local ones. A bridge never sends back what it brought in.
 * <p>
 * Threading: {@link #outbound}'s hook is called under the dispatcher's publish lock; the bridge brings events
 * in on threads of its own from sxs's factory. {@link #close()} stops both directions; idempotent.
 */
public interface ChannelBridge extends AutoCloseable
{
    /**
     * @param journal the runtime's journal hook, or null for none.
     * @return the hook the dispatcher appends to: it sends each accepted local event out, then appends it to
     *         {@code journal}.
     */
    EventJournal outbound(EventJournal journal);

    /**
     * Start bringing other JVMs' events into the dispatcher.
     *
     * @param dispatcher the runtime's dispatcher.
     */
    void start(Dispatcher dispatcher);

    /**
     * @return the cluster's execution channel, which the runtime starts once its gateway exists; null when the
     *         backend keeps none (the default). The bridge owns it and closes it.
     */
    default WorkQueue workQueue()
    {
        return null;
    }

    /** Stop both directions and release the connection. */
    @Override
    void close();
}
