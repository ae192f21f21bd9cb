package dev.sxs.events.commands;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.lang.Args;
import dev.sxs.lang.Body;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/event/sub CHANNEL TOPIC {BODY})}: register a handler owned by the calling session;
 * BODY (compiled once, with the call) runs for every event with {@code $data}, {@code $channel},
 * {@code $topic} bound, in the subscriber's scope. Returns {@code true}.
 */
public final class SubCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 3 || args.body(2) == null)
        {
            return args.usage("CHANNEL TOPIC {BODY}");
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
        if (dispatcher.isClosed())
        {
            return args.error("runtime closed");
        }
        final Body body = args.body(2);
        dispatcher.subscribe((Channel)channel, (Integer)topic, new ScriptHandler(ctx.interpreter(), ctx.session(), body),
            ctx.session());
        return SymValue.TRUE;
    }
}
