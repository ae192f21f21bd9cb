package dev.sxs.events.commands;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/event/unsub CHANNEL TOPIC)}: remove the handlers the calling session registered on
 * that channel/topic; returns how many were removed.
 */
public final class UnsubCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("CHANNEL TOPIC");
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
        return IntValue.of(dispatcher.unsubscribe((Channel)channel, (Integer)topic, ctx.session()));
    }
}
