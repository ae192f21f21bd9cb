package dev.sxs.lang.list;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;

/**
 * Argument helper of the list commands. Stateless.
 */
final class Lists
{
    private Lists()
    {
    }

    /**
     * Evaluate argument {@code i}, which must be a list.
     *
     * @param args the arguments.
     * @param i    the index.
     * @param ctx  the context.
     * @return the {@link ListValue}, or the error value to return (the argument's own, or a type error).
     */
    static Value list(final Args args, final int i, final Context ctx)
    {
        final Value v = args.eval(i, ctx);
        if (v instanceof ListValue || v.isError())
        {
            return v;
        }
        return args.error("L must be a list, got " + Printer.print(v));
    }
}
