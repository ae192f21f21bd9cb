package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/if COND THEN [ELSE])}: evaluates COND; when it is true (anything but the symbol
 * {@code false}) gives THEN, otherwise ELSE, or {@code false} without an ELSE. Only the chosen branch
 * is evaluated; a branch written as a block {@code {...}} runs as a body. An error in COND propagates.
 */
public final class IfCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        final int n = args.size();
        if (n != 2 && n != 3)
        {
            return args.usage("COND THEN [ELSE]");
        }
        final Value cond = args.eval(0, ctx);
        if (cond.isError())
        {
            return cond;
        }
        if (Value.isTrue(cond))
        {
            return args.run(1, ctx);
        }
        return n == 3 ? args.run(2, ctx) : SymValue.FALSE;
    }
}
