package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/and A ...)} and {@code (core/expr/or A ...)}: evaluate the arguments in order and
 * stop at the first one that decides, without evaluating the rest. {@code and} gives {@code false} at
 * the first false argument, else {@code true}; {@code or} gives {@code true} at the first true one, else
 * {@code false}; with no arguments, {@code and} is {@code true} and {@code or} {@code false}. An error
 * propagates. Stateless; allocates nothing.
 */
public final class ShortCircuitCommand implements Command
{
    /** {@code core/expr/and}. */
    public static final ShortCircuitCommand AND = new ShortCircuitCommand(false);
    /** {@code core/expr/or}. */
    public static final ShortCircuitCommand OR = new ShortCircuitCommand(true);

    /** The truth of an argument that decides: false for {@code and}, true for {@code or}. */
    private final boolean decidingTruth;

    private ShortCircuitCommand(final boolean decidingTruth)
    {
        this.decidingTruth = decidingTruth;
    }

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
            if (Value.isTrue(v) == decidingTruth)
            {
                return SymValue.of(decidingTruth);
            }
        }
        return SymValue.of(!decidingTruth);
    }
}
