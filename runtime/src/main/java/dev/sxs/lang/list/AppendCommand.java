package dev.sxs.lang.list;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code (core/list/append L A ...)}: a new sequence of the items of the list L followed by the values
 * A ...; L itself is unchanged (values are immutable: store the result to keep it). More items than the
 * budget's size limit stop the script with the budget's error. Errors propagate.
 */
public final class AppendCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() < 1)
        {
            return args.usage("L A ...");
        }
        final Value l = Lists.list(args, 0, ctx);
        if (l.isError())
        {
            return l;
        }
        final List<Value> items = ((ListValue)l).items();
        final ErrorValue tooBig = ctx.budget().size((long)items.size() + args.size() - 1);
        if (tooBig != null)
        {
            return tooBig;
        }
        final List<Value> out = new ArrayList<>(items.size() + args.size() - 1);
        out.addAll(items);
        for (int i = 1; i < args.size(); i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            out.add(v);
        }
        return new ListValue(ListKind.SEQUENCE, out);
    }
}
