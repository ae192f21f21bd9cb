package dev.sxs.lang.math;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/math/abs A)}: the magnitude of the number A, of A's type; the most negative integer has
 * none in 64 bits and gives an overflow error. Errors propagate.
 */
public final class AbsCommand implements Command
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
        if (v instanceof IntValue i)
        {
            if (i.value() == Long.MIN_VALUE)
            {
                return args.error("integer overflow: abs " + i.value());
            }
            return i.value() < 0 ? IntValue.of(-i.value()) : i;
        }
        if (v instanceof RealValue r)
        {
            return new RealValue(Math.abs(r.value()));
        }
        return args.error("A must be a number, got " + Printer.print(v));
    }
}
