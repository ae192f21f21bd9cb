package dev.sxs.lang.event;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/event/unsub CHANNEL TOPIC)}: remove the handlers the calling session registered on
 * that channel/topic; returns how many were removed.
 */
public final class UnsubCommand extends ChannelTopicCommand
{
    /** The command with its usage shape. */
    public UnsubCommand()
    {
        super(2, "CHANNEL TOPIC");
    }

    @Override
    Value invoke(final Args args, final Context ctx, final Dispatcher dispatcher, final Channel channel,
        final int topic)
    {
        return IntValue.of(dispatcher.unsubscribe(channel, topic, ctx.session().id()));
    }
}
