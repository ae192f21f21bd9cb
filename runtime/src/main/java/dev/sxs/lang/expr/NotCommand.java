package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/not A)}: {@code true} when A is the symbol {@code false}, else {@code false}. An
 * error propagates.
 */
public final class NotCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("A");
        }
        final Value v = args.eval(0, ctx);
        if (v.isError())
        {
            return v;
        }
        return SymValue.of(!Value.isTrue(v));
    }
}
