package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

import java.util.List;

/**
 * {@code (core/str/join LIST SEP)}: one string of the items of LIST (any list) with the string SEP
 * between them; strings as their text, other items printed. A result longer than the budget's size
 * limit stops the script with the budget's error.
 */
public final class JoinCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("LIST SEP");
        }
        final Value l = args.eval(0, ctx);
        if (l.isError())
        {
            return l;
        }
        if (!(l instanceof ListValue list))
        {
            return args.error("LIST must be a list, got " + Printer.print(l));
        }
        final Object sep = Strings.text(args, 1, "SEP", ctx);
        if (sep instanceof ErrorValue e)
        {
            return e;
        }
        final List<Value> items = list.items();
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++)
        {
            if (i > 0)
            {
                out.append((String)sep);
            }
            Strings.append(items.get(i), out);
            final ErrorValue tooBig = ctx.budget().size(out.length());
            if (tooBig != null)
            {
                return tooBig;
            }
        }
        return new StrValue(out.toString());
    }
}
