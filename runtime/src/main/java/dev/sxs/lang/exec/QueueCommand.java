package dev.sxs.lang.exec;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/exec/queue SCRIPT)}: queue the script text for one JVM of the cluster to run (backend=nats), as
 * the calling session's entity and in its scope; returns the queue's sequence number once the cluster stored it.
 * Without a cluster queue (the embedded backend) it is an error value. Stateless.
 */
public final class QueueCommand implements Command
{
    /** The command's name. */
    public static final String NAME = "core/exec/queue";

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("SCRIPT");
        }
        final Value script = args.eval(0, ctx);
        if (script instanceof ErrorValue)
        {
            return script;
        }
        if (!(script instanceof StrValue text))
        {
            return args.usage("SCRIPT (a string)");
        }
        final ClusterQueue queue = ctx.service(ClusterQueue.class);
        if (queue == null)
        {
            return args.error("no cluster work queue (backend=nats with nats.queue set)");
        }
        try
        {
            return IntValue.of(queue.enqueue(text.text(), ctx.session().scope(),
                ctx.session().access().entity().id()));
        }
        catch (final RuntimeException ex)
        {
            return args.error(String.valueOf(ex.getMessage()));
        }
    }
}
