package dev.sxs.lang.list;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/list/len L)}: the number of items of the list L.
 */
public final class ListLenCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("L");
        }
        final Value l = Lists.list(args, 0, ctx);
        if (l.isError())
        {
            return l;
        }
        return IntValue.of(((ListValue)l).items().size());
    }
}
