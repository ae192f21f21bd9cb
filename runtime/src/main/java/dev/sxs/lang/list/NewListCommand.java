package dev.sxs.lang.list;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Value;

import java.util.Arrays;

/**
 * {@code (core/list/new A ...)}: the sequence of the arguments' values, in order ({@code []} for none).
 * More items than the budget's size limit stop the script with the budget's error; an error in an
 * argument propagates.
 */
public final class NewListCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        final ErrorValue tooBig = ctx.budget().size(args.size());
        if (tooBig != null)
        {
            return tooBig;
        }
        final Value[] items = new Value[args.size()];
        for (int i = 0; i < items.length; i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            items[i] = v;
        }
        return new ListValue(ListKind.SEQUENCE, Arrays.asList(items));
    }
}
