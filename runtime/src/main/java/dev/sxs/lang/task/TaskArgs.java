package dev.sxs.lang.task;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument rules shared by the {@code core/task/*} commands: the engine lookup, names (like a KEY: a
 * symbol names itself, a string its text), task ids and evaluated argument lists. Stateless.
 */
final class TaskArgs
{
    private TaskArgs()
    {
    }

    /** @return the engine of the context's runtime, or null. */
    static TaskControl control(final Context ctx)
    {
        return ctx.service(TaskControl.class);
    }

    /** @return the error of a runtime without tasks. */
    static ErrorValue noTasks(final Args args)
    {
        return args.error("tasks are not available in this runtime");
    }

    /**
     * @param args the call.
     * @param i    the argument's index.
     * @param ctx  the context.
     * @param what what the argument is, for the message (e.g. {@code FN}).
     * @return the name (a {@link String}), or the error value to return.
     */
    static Object name(final Args args, final int i, final Context ctx, final String what)
    {
        final Value v = args.eval(i, ctx);
        final String name = v instanceof SymValue s ? s.name() : v instanceof StrValue s ? s.text() : null;
        if (v.isError())
        {
            return v;
        }
        if (name == null)
        {
            return args.error(what + " must be a symbol or a string, got " + Printer.print(v));
        }
        if (name.isEmpty())
        {
            return args.error(what + " must not be empty");
        }
        if (HiddenKeys.isHidden(name))
        {
            return args.error(what + " must not contain the character U+0000");
        }
        return name;
    }

    /**
     * @return the id (a {@link Long}), or the error value to return.
     */
    static Object id(final Args args, final int i, final Context ctx)
    {
        final Value v = args.eval(i, ctx);
        if (v.isError())
        {
            return v;
        }
        if (!(v instanceof IntValue n) || n.value() <= 0)
        {
            return args.error("ID must be a positive integer, got " + Printer.print(v));
        }
        return n.value();
    }

    /**
     * @param args  the call.
     * @param from  the first argument to evaluate.
     * @param ctx   the context.
     * @return the values (a {@link List}), or the first error value.
     */
    static Object values(final Args args, final int from, final Context ctx)
    {
        final List<Value> out = new ArrayList<>(Math.max(0, args.size() - from));
        for (int i = from; i < args.size(); i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            out.add(v);
        }
        return out;
    }
}
