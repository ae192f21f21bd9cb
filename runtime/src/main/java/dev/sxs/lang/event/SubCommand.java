package dev.sxs.lang.event;

import dev.sxs.entity.Access;
import dev.sxs.entity.Permission;
import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.lang.Args;
import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/event/sub CHANNEL TOPIC {BODY})}: register a handler owned by the calling session (its id);
 * BODY (compiled once, with the call) runs for every event with {@code $data}, {@code $channel},
 * {@code $topic} bound, in the subscriber's scope; it receives only events published in that scope. The
 * session's entity needs {@code S} on the channel and topic, here and again at each delivery (a revoke stops
 * the handler).
 * Returns {@code true}.
 */
public final class SubCommand extends ChannelTopicCommand
{
    /** The command with its usage shape. */
    public SubCommand()
    {
        super(3, "CHANNEL TOPIC {BODY}");
    }

    @Override
    boolean hasValidShape(final Args args)
    {
        return args.body(2) != null;
    }

    @Override
    Value invoke(final Args args, final Context ctx, final Dispatcher dispatcher, final Channel channel,
        final int topic)
    {
        if (dispatcher.isClosed())
        {
            return args.error("runtime closed");
        }
        final Access access = ctx.session().access();
        if (!access.maySubscribe(channel, topic))
        {
            return new ErrorValue(access.denyEvent(Permission.SUBSCRIBE, channel, topic));
        }
        final Body body = args.body(2);
        dispatcher.subscribe(channel, topic, new ScriptHandler(ctx.interpreter(), ctx.session(), body),
            ctx.session().id(), ctx.session().scope());
        return SymValue.TRUE;
    }
}
