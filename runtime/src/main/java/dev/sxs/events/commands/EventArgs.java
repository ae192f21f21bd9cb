package dev.sxs.events.commands;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * Argument checks shared by the event commands: CHANNEL ({@code $CHANNEL_A}..{@code $CHANNEL_F} or
 * bare {@code A}..{@code F}) and TOPIC (an integer 0..65535), each either parsed or an error value
 * naming the command and what was wrong.
 */
final class EventArgs
{
    private EventArgs()
    {
    }

    /**
     * @param ctx  the context.
     * @return the dispatcher, or null when the runtime has none.
     */
    static Dispatcher dispatcher(final Context ctx)
    {
        return ctx.service(Dispatcher.class);
    }

    static ErrorValue noEvents(final Args args)
    {
        return args.error("events are not available in this runtime");
    }

    /**
     * Evaluate and check a CHANNEL argument. The execution channel is not a valid target.
     *
     * @return a {@link Channel}, or an error value.
     */
    static Object channel(final Args args, final int i, final Context ctx)
    {
        final Value v = args.eval(i, ctx);
        if (v.isError())
        {
            return v;
        }
        final String name = v instanceof SymValue s ? s.name() : v instanceof StrValue s ? s.text() : null;
        final Channel channel = name == null ? null : Channel.byName(name);
        if (channel == null)
        {
            return args.error("bad channel " + Printer.print(v) + " (expected $CHANNEL_A..$CHANNEL_F or A..F)");
        }
        if (channel == Channel.EXEC)
        {
            return args.error("not permitted on the execution channel (submit scripts instead)");
        }
        return channel;
    }

    /**
     * Evaluate and check a TOPIC argument.
     *
     * @return an {@link Integer} 0..65535, or an error value.
     */
    static Object topic(final Args args, final int i, final Context ctx)
    {
        final Value v = args.eval(i, ctx);
        if (v.isError())
        {
            return v;
        }
        if (!(v instanceof IntValue n))
        {
            return args.error("TOPIC must be an integer 0..65535, got " + Printer.print(v));
        }
        if (!Channel.isValidTopic(n.value()))
        {
            return args.error("topic out of range (0..65535): " + n.value());
        }
        return (int)n.value();
    }

    /** @return the symbol {@code $channel} is bound to in handlers: {@code A}..{@code F}. */
    static SymValue symbolOf(final Channel channel)
    {
        return new SymValue(channel.label());
    }
}
