package dev.sxs.lang.list;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;

import java.util.List;

/**
 * {@code (core/list/nth L I)}: item I of the list L, counting from 0; an index outside
 * {@code 0..(len - 1)} is an error value.
 */
public final class NthCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("L I");
        }
        final Value l = Lists.list(args, 0, ctx);
        if (l.isError())
        {
            return l;
        }
        final Value i = args.eval(1, ctx);
        if (i.isError())
        {
            return i;
        }
        if (!(i instanceof IntValue index))
        {
            return args.error("I must be an integer, got " + Printer.print(i));
        }
        final List<Value> items = ((ListValue)l).items();
        if (index.value() < 0 || index.value() >= items.size())
        {
            return args.error("index " + index.value() + " is out of range for " + items.size() + " items");
        }
        return items.get((int)index.value());
    }
}
