package dev.sxs.events.commands;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.Publication;
import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/event/pub CHANNEL TOPIC DATA)}: publish DATA; {@code true} once queued (also when the
 * DISCARD_NEWEST policy dropped it, or when it was suppressed during a replay), else an error value:
 * bad channel, topic out of range, queue full, not permitted, runtime closed.
 * <p>
 * Threading: any evaluation thread. Blocks at most the publish timeout under the BLOCK policy.
 */
public final class PubCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 3)
        {
            return args.usage("CHANNEL TOPIC DATA");
        }
        final Dispatcher dispatcher = EventArgs.dispatcher(ctx);
        if (dispatcher == null)
        {
            return EventArgs.noEvents(args);
        }
        final Object channel = EventArgs.channel(args, 0, ctx);
        if (channel instanceof Value error)
        {
            return error;
        }
        final Object topic = EventArgs.topic(args, 1, ctx);
        if (topic instanceof Value error)
        {
            return error;
        }
        final Value data = args.eval(2, ctx);
        if (data.isError())
        {
            return data;
        }
        final Channel c = (Channel)channel;
        final long result = dispatcher.publish(c, (Integer)topic, data, ctx.session().scope());
        if (Publication.isAccepted(result) || result == Publication.DISCARDED || result == Publication.SUPPRESSED)
        {
            return SymValue.TRUE;
        }
        if (result == Publication.QUEUE_FULL)
        {
            return args.error("queue full on channel " + c.label() + describeWait(dispatcher));
        }
        if (result == Publication.CLOSED)
        {
            return args.error("runtime closed");
        }
        return args.error(Publication.describe(result));
    }

    private static String describeWait(final Dispatcher dispatcher)
    {
        return switch (dispatcher.options().overflow())
        {
            case BLOCK -> " after " + dispatcher.options().publishTimeoutMillis() + " ms";
            default -> " (overflow " + dispatcher.options().overflow() + ")";
        };
    }
}
