package dev.sxs.lang.event;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.Value;

/**
 * A command whose first two arguments are CHANNEL and TOPIC ({@code pub}, {@code sub}, {@code unsub}):
 * checks the arity, finds the dispatcher, and evaluates and validates the channel and topic, each
 * failure as the command's own error value, before {@link #invoke(Args, Context, Dispatcher, Channel, int)}.
 * <p>
 * Threading: stateless; any evaluation thread.
 */
abstract class ChannelTopicCommand implements Command
{
    private final int arity;
    private final String shape;

    /**
     * @param arity the exact number of arguments.
     * @param shape the arguments as the usage error names them, e.g. {@code CHANNEL TOPIC DATA}.
     */
    ChannelTopicCommand(final int arity, final String shape)
    {
        this.arity = arity;
        this.shape = shape;
    }

    @Override
    public final Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != arity || !hasValidShape(args))
        {
            return args.usage(shape);
        }
        final Dispatcher dispatcher = EventArgs.dispatcher(ctx);
        if (dispatcher == null)
        {
            return EventArgs.noEvents(args);
        }
        final Value channelArg = args.eval(0, ctx);
        final Channel channel = EventArgs.channelOf(channelArg);
        if (channel == null)
        {
            return EventArgs.badChannel(args, channelArg);
        }
        final Value topicArg = args.eval(1, ctx);
        final int topic = EventArgs.topicOf(topicArg);
        if (topic < 0)
        {
            return EventArgs.badTopic(args, topicArg);
        }
        return invoke(args, ctx, dispatcher, channel, topic);
    }

    /**
     * A further check of the unevaluated arguments, e.g. that one is a block.
     *
     * @param args the call's arguments, of the right count.
     * @return true when they have the shape the command needs.
     */
    boolean hasValidShape(final Args args)
    {
        return true;
    }

    /**
     * Run the command once its channel and topic are known to be valid.
     *
     * @param args       the call's arguments.
     * @param ctx        the evaluation context.
     * @param dispatcher the runtime's dispatcher.
     * @param channel    the channel named by the first argument.
     * @param topic      the topic, 0..65535.
     * @return the command's value.
     */
    abstract Value invoke(Args args, Context ctx, Dispatcher dispatcher, Channel channel, int topic);
}
