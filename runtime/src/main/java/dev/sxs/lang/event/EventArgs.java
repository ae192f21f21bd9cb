package dev.sxs.lang.event;

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
 * bare {@code A}..{@code F}) and TOPIC (an integer 0..65535). Each has a typed path ({@link #channelOf},
 * {@link #topicOf}: the parsed value, or null / -1) and an error path ({@link #badChannel},
 * {@link #badTopic}: the error value naming the command and what was wrong). Stateless; no allocation
 * on the typed path.
 */
final class EventArgs
{
    private EventArgs()
    {
    }

    /**
     * @param args the call.
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
     * The channel an evaluated CHANNEL argument names (the typed path; its error is {@link #badChannel}).
     * The execution channel is not a valid target.
     *
     * @param v the evaluated CHANNEL.
     * @return the channel A..F, or null.
     */
    static Channel channelOf(final Value v)
    {
        final String name = v instanceof SymValue s ? s.name() : v instanceof StrValue s ? s.text() : null;
        final Channel channel = name == null ? null : Channel.byName(name);
        return channel == Channel.EXEC ? null : channel;
    }

    /**
     * @param args the call.
     * @param v    an evaluated CHANNEL whose {@link #channelOf} was null.
     * @return the value itself when it is an error (errors propagate), else a precise error.
     */
    static Value badChannel(final Args args, final Value v)
    {
        if (v.isError())
        {
            return v;
        }
        final String name = v instanceof SymValue s ? s.name() : v instanceof StrValue s ? s.text() : null;
        if (name != null && Channel.byName(name) == Channel.EXEC)
        {
            return args.error("not permitted on the execution channel (submit scripts instead)");
        }
        return args.error("bad channel " + Printer.print(v) + " (expected $CHANNEL_A..$CHANNEL_F or A..F)");
    }

    /**
     * The topic of an evaluated TOPIC argument (the typed path; its error is {@link #badTopic}).
     *
     * @param v the evaluated TOPIC.
     * @return the topic 0..65535, or -1.
     */
    static int topicOf(final Value v)
    {
        return v instanceof IntValue n && Channel.isValidTopic(n.value()) ? (int)n.value() : -1;
    }

    /**
     * @param args the call.
     * @param v    an evaluated TOPIC whose {@link #topicOf} was -1.
     * @return the value itself when it is an error (errors propagate), else a precise error.
     */
    static Value badTopic(final Args args, final Value v)
    {
        if (v.isError())
        {
            return v;
        }
        if (!(v instanceof IntValue n))
        {
            return args.error("TOPIC must be an integer 0..65535, got " + Printer.print(v));
        }
        return args.error("topic out of range (0..65535): " + n.value());
    }

    /** @return the symbol {@code $channel} is bound to in handlers: {@code A}..{@code F}. */
    static SymValue symbolOf(final Channel channel)
    {
        return new SymValue(channel.label());
    }
}
