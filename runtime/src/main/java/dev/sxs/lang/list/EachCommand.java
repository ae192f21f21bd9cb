package dev.sxs.lang.list;

import dev.sxs.lang.Args;
import dev.sxs.lang.Body;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Value;

import java.util.List;

/**
 * {@code (core/list/each L {BODY})}: runs BODY (a block written in place) once per item of the list L,
 * with {@code $item} bound to the item and {@code $index} to its position (from 0); gives the number of
 * items visited. Each item costs one budget step. An error in BODY stops it and is returned. The
 * bindings are local, as {@code core/expr/let}'s, and gone afterwards.
 */
public final class EachCommand implements Command
{
    private static final String ITEM = "item";
    private static final String INDEX = "index";

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2 || args.body(1) == null)
        {
            return args.usage("L {BODY}");
        }
        final Value l = Lists.list(args, 0, ctx);
        if (l.isError())
        {
            return l;
        }
        final List<Value> items = ((ListValue)l).items();
        final Body body = args.body(1);
        final int mark = ctx.localMark();
        try
        {
            for (int i = 0; i < items.size(); i++)
            {
                final ErrorValue over = ctx.budget().step();
                if (over != null)
                {
                    return over;
                }
                ctx.popLocals(mark);
                ctx.pushLocal(INDEX, IntValue.of(i));
                ctx.pushLocal(ITEM, items.get(i));
                final Value result = body.run(ctx);
                if (result.isError())
                {
                    return result;
                }
            }
            return IntValue.of(items.size());
        }
        finally
        {
            ctx.popLocals(mark);
        }
    }
}
