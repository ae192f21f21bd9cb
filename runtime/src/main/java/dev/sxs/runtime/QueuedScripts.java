package dev.sxs.runtime;

import dev.sxs.gateway.Gateway;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.Services;
import dev.sxs.lang.exec.ClusterQueue;
import dev.sxs.session.Origin;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;

/**
 * Wires a backend's {@link WorkQueue} into a runtime: {@code core/exec/queue} finds it among the services, and
 * each script taken from it comes in through the gateway, in a fresh session of the scope it was queued from, as
 * the entity that queued it ({@link Origin#QUEUE}), so the entity checks apply as they did where it was queued.
 * Stateless.
 */
final class QueuedScripts
{
    /** The audited action name of a queued script's run. */
    static final String ACTION = "queue.run";

    private QueuedScripts()
    {
    }

    /**
     * @param bridge   the runtime's channel bridge, or null.
     * @param services the interpreter's services.
     * @param gateway  the runtime's gateway.
     */
    static void start(final ChannelBridge bridge, final Services services, final Gateway gateway)
    {
        final WorkQueue queue = bridge == null ? null : bridge.workQueue();
        if (queue == null)
        {
            return;
        }
        services.put(ClusterQueue.class, queue);
        queue.start((source, scope, entity) -> gateway.submit(ScriptSubmission.of(source,
            new Principal(Origin.QUEUE, entity), ACTION, SessionRequest.fresh(scope))));
    }
}
