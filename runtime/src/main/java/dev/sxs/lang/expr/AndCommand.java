package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/and A ...)}: evaluates the arguments in order and gives {@code false} at the first
 * false one (the rest are not evaluated), else {@code true} ({@code true} for no arguments). An error
 * propagates.
 */
public final class AndCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        for (int i = 0; i < args.size(); i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            if (!Value.isTrue(v))
            {
                return SymValue.FALSE;
            }
        }
        return SymValue.TRUE;
    }
}
