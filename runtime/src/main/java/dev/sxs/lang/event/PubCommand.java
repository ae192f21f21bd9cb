package dev.sxs.lang.event;

import dev.sxs.entity.Access;
import dev.sxs.entity.Permission;
import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.EventThread;
import dev.sxs.events.Publication;
import dev.sxs.journal.Journal;
import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;

/**
 * {@code (core/event/pub CHANNEL TOPIC DATA)}: publish DATA; {@code true} once queued (also when the
 * DISCARD_NEWEST policy dropped it, or when it was suppressed during a replay), else an error value:
 * bad channel, topic out of range, the entity's denial (no {@code P} on the channel and topic, or over its
 * rate limit, checked after the permission), queue full, not permitted, runtime closed, causal depth beyond
 * {@code events.maxDepth} (a handler chain that keeps publishing what it handles).
 * <p>
 * Threading: any evaluation thread. Blocks at most the publish timeout under the BLOCK policy.
 */
public final class PubCommand extends ChannelTopicCommand
{
    /** The command with its usage shape. */
    public PubCommand()
    {
        super(3, "CHANNEL TOPIC DATA");
    }

    @Override
    Value invoke(final Args args, final Context ctx, final Dispatcher dispatcher, final Channel channel,
        final int topic)
    {
        final Access access = ctx.session().access();
        if (!access.mayPublish(channel, topic))
        {
            return new ErrorValue(access.denyEvent(Permission.PUBLISH, channel, topic));
        }
        final Value data = args.eval(2, ctx);
        if (data.isError())
        {
            return data;
        }
        final String unreadable = StoredValues.unreadable(data);
        if (unreadable != null)
        {
            return args.error(unreadable);
        }
        if (!access.tryPublish())
        {
            return new ErrorValue(access.denyRate());
        }
        final long result = dispatcher.publish(channel, topic, data, ctx.session().scope());
        if (Publication.isAccepted(result) || result == Publication.DISCARDED || result == Publication.SUPPRESSED)
        {
            return SymValue.TRUE;
        }
        if (result == Publication.QUEUE_FULL)
        {
            return args.error("queue full on channel " + channel.label() + describeWait(dispatcher));
        }
        if (result == Publication.TOO_DEEP)
        {
            return args.error("causal depth " + EventThread.currentPublishDepth() + " exceeds "
                + DispatcherOptions.MAX_DEPTH_SETTING + " " + dispatcher.options().maxDepth() + " on channel "
                + channel.label() + ": a handler chain published too deep");
        }
        if (result == Publication.CLOSED)
        {
            return args.error("runtime closed");
        }
        if (result == Publication.JOURNAL_FAILED)
        {
            final Journal journal = ctx.service(Journal.class);
            final String why = journal == null ? "" : journal.lastFailure();
            return args.error(why.isEmpty() ? "journal failed" : "journal failed: " + why);
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
