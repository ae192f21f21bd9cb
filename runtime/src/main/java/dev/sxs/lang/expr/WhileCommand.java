package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/while {COND} {BODY})}: runs COND, and while it is true (anything but the symbol
 * {@code false}) runs BODY and COND again; gives the number of rounds BODY ran. COND and BODY are
 * normally blocks (run as bodies); any other form is evaluated afresh each round. Every round costs one
 * budget step besides the calls in it, so {@code (core/expr/while {true} {})} ends with the budget's
 * error. State that survives a round lives in the store. An error in COND or BODY stops the loop and is
 * returned.
 */
public final class WhileCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("{COND} {BODY}");
        }
        long rounds = 0;
        while (true)
        {
            final ErrorValue over = ctx.budget().step();
            if (over != null)
            {
                return over;
            }
            final Value cond = args.run(0, ctx);
            if (cond.isError())
            {
                return cond;
            }
            if (!Value.isTrue(cond))
            {
                return IntValue.of(rounds);
            }
            final Value result = args.run(1, ctx);
            if (result.isError())
            {
                return result;
            }
            rounds++;
        }
    }
}
