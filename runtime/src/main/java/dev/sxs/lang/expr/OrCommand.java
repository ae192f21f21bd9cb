package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/or A ...)}: evaluates the arguments in order and gives {@code true} at the first
 * true one (the rest are not evaluated), else {@code false} ({@code false} for no arguments). An error
 * propagates.
 */
public final class OrCommand implements Command
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
            if (Value.isTrue(v))
            {
                return SymValue.TRUE;
            }
        }
        return SymValue.FALSE;
    }
}
