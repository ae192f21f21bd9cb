package dev.sxs.lang.task;

import dev.sxs.events.Channel;
import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * The waiting commands, allowed only in a task's step (not inside a {@code core/task/call}): each ends the
 * step waiting once its form has run. {@code (core/task/yield)} pauses until {@code core/task/resume};
 * {@code (core/task/await CHANNEL TOPIC KEY)} waits for one event on CHANNEL/TOPIC of the spawning scope and
 * stores its payload at frame key KEY; {@code (core/task/sleep MS)} waits MS milliseconds. Gives
 * {@code true}; the task's {@code pc} stays at this step until the wait ends.
 */
final class WaitCommand implements Command
{
    private final Wait.Kind kind;

    /** @param kind which wait. */
    WaitCommand(final Wait.Kind kind)
    {
        this.kind = kind;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        final int arity = switch (kind)
        {
            case YIELD -> 0;
            case AWAIT -> 3;
            case SLEEP -> 1;
        };
        if (args.size() != arity)
        {
            return args.usage(switch (kind)
            {
                case YIELD -> "nothing";
                case AWAIT -> "CHANNEL TOPIC KEY";
                case SLEEP -> "MS";
            });
        }
        final TaskControl control = TaskArgs.control(ctx);
        if (control == null)
        {
            return TaskArgs.noTasks(args);
        }
        final Object wait = switch (kind)
        {
            case YIELD -> Wait.YIELDED;
            case AWAIT -> await(args, ctx);
            case SLEEP -> sleep(args, ctx);
        };
        if (wait instanceof Value error)
        {
            return error;
        }
        return control.suspend(ctx, (Wait)wait);
    }

    private static Object sleep(final Args args, final Context ctx)
    {
        final Value ms = args.eval(0, ctx);
        if (ms.isError())
        {
            return ms;
        }
        if (!(ms instanceof IntValue n) || n.value() < 0)
        {
            return args.error("MS must be an integer of 0 or more, got " + Printer.print(ms));
        }
        return Wait.sleep(n.value());
    }

    private static Object await(final Args args, final Context ctx)
    {
        final Value c = args.eval(0, ctx);
        if (c.isError())
        {
            return c;
        }
        final String cname = c instanceof SymValue s ? s.name() : c instanceof StrValue s ? s.text() : null;
        final Channel channel = cname == null ? null : Channel.byName(cname);
        if (channel == null || channel == Channel.EXEC)
        {
            return args.error("bad channel " + Printer.print(c) + " (expected $CHANNEL_A..$CHANNEL_F or A..F)");
        }
        final Value t = args.eval(1, ctx);
        if (t.isError())
        {
            return t;
        }
        if (!(t instanceof IntValue n) || !Channel.isValidTopic(n.value()))
        {
            return args.error("TOPIC must be an integer 0..65535, got " + Printer.print(t));
        }
        final Object key = TaskArgs.name(args, 2, ctx, "KEY");
        if (key instanceof Value error)
        {
            return error;
        }
        return Wait.await(channel, (int)n.value(), (String)key);
    }
}
