package dev.sxs.lang.probe;

import dev.sxs.events.Channel;
import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;

/**
 * {@code (core/probe/on CLASS METHOD CHANNEL TOPIC [OPTIONS])}: probe the methods named METHOD (or {@code *})
 * of the classes named CLASS (or matching a {@code *} pattern), now and in classes loaded later; each call
 * publishes one event on CHANNEL and TOPIC in the calling session's scope, and the probe is owned by that
 * session. OPTIONS is a string of {@code KEY=VALUE} words ({@link ProbeOptions#parse}). Gives the number of
 * methods instrumented so far.
 */
final class ProbeOnCommand implements Command
{
    private static final String SHAPE = "CLASS METHOD CHANNEL TOPIC [OPTIONS]";

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 4 && args.size() != 5)
        {
            return args.usage(SHAPE);
        }
        final ErrorValue denied = ProbeCommands.notAdmin(ctx);
        if (denied != null)
        {
            return denied;
        }
        final ProbeRegistry registry = ProbeCommands.registry(ctx);
        if (registry == null)
        {
            return ProbeCommands.unavailable(args);
        }
        final Value[] v = new Value[args.size()];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = args.eval(i, ctx);
            if (v[i].isError())
            {
                return v[i];
            }
        }
        final String classes = ProbeCommands.text(v[0]);
        final String methods = ProbeCommands.text(v[1]);
        if (classes == null || methods == null)
        {
            return args.usage(SHAPE + " (CLASS and METHOD are names)");
        }
        final String refusal = ProbeTargets.refusal(classes, methods);
        if (refusal != null)
        {
            return args.error(refusal);
        }
        final String channelName = ProbeCommands.text(v[2]);
        final Channel channel = channelName == null ? null : Channel.byName(channelName);
        if (channel == null || channel == Channel.EXEC)
        {
            return args.error("bad channel " + Printer.print(v[2]) + " (expected $CHANNEL_A..$CHANNEL_F or A..F)");
        }
        if (!(v[3] instanceof IntValue topic) || !Channel.isValidTopic(topic.value()))
        {
            return args.error("TOPIC must be an integer 0..65535, got " + Printer.print(v[3]));
        }
        final ProbeOptions options;
        try
        {
            options = v.length == 5 ? ProbeOptions.parse(optionText(v[4])) : ProbeOptions.defaults();
        }
        catch (final IllegalArgumentException ex)
        {
            return args.error(ex.getMessage());
        }
        try
        {
            return IntValue.of(registry.on(new ProbeSpec(classes, methods, channel, (int)topic.value(), options,
                ctx.session().id(), ctx.session().scope())));
        }
        catch (final ProbeException ex)
        {
            return args.error(ex.getMessage());
        }
    }

    private static String optionText(final Value v)
    {
        final String text = ProbeCommands.text(v);
        if (text == null)
        {
            throw new IllegalArgumentException("OPTIONS must be a string of KEY=VALUE words, got " + Printer.print(v));
        }
        return text;
    }
}
