package dev.sxs.nats;

import dev.sxs.events.EventThread;

/**
 * The thread that brings other JVMs' events into the local dispatcher: the client's reader of the channels
 * connection ({@code sxs-nats-inbound-N}), or the bridge's pump ({@code sxs-nats-channels}) where the client
 * offers no hook on its reader. An {@link EventThread}, so each event enters with the causal depth it carried;
 * the bridge sends nothing back to NATS that such a thread publishes (it came from there).
 */
final class InboundThread extends EventThread
{
    /**
     * @param task the body.
     * @param name the thread name, {@code sxs-...}.
     */
    InboundThread(final Runnable task, final String name)
    {
        super(task, name);
    }
}
