package dev.sxs.lang.math;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/math/min A ...)} and {@code (core/math/max A ...)}: one class, one instance for each. The
 * smallest (largest) of one or more numbers, compared by value (an integer against a real as reals); the
 * chosen argument is given as it is, integer or real; the first of equal ones wins. A NaN argument gives
 * NaN. An argument that is not a number is an error naming it by position. Errors propagate.
 */
public final class ExtremeCommand implements Command
{
    private final boolean max;

    /**
     * @param max true for {@code max}, false for {@code min}.
     */
    public ExtremeCommand(final boolean max)
    {
        this.max = max;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() < 1)
        {
            return args.usage("A ...");
        }
        Value best = null;
        for (int i = 0; i < args.size(); i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            if (!(v instanceof IntValue) && !(v instanceof RealValue))
            {
                return args.error("argument " + (i + 1) + " must be a number, got " + Printer.print(v));
            }
            if (best == null || better(v, best))
            {
                best = v;
            }
        }
        return best;
    }

    private boolean better(final Value v, final Value best)
    {
        if (best instanceof RealValue r && Double.isNaN(r.value()))
        {
            return false;
        }
        if (v instanceof IntValue a && best instanceof IntValue b)
        {
            return max ? a.value() > b.value() : a.value() < b.value();
        }
        final double a = real(v);
        final double b = real(best);
        return Double.isNaN(a) || (max ? a > b : a < b);
    }

    private static double real(final Value v)
    {
        return v instanceof IntValue i ? (double)i.value() : ((RealValue)v).value();
    }
}
