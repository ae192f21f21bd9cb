package dev.sxs.lang.math;

import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/math/mul A ...)}: the product; {@code 1} for no arguments. See {@link Arithmetic}.
 */
public final class MulCommand extends Arithmetic
{
    /** The command. */
    public MulCommand()
    {
        super("*", 0, Integer.MAX_VALUE, false);
    }

    @Override
    protected Value identity()
    {
        return IntValue.of(1);
    }

    @Override
    protected long ints(final long a, final long b)
    {
        return Math.multiplyExact(a, b);
    }

    @Override
    protected double reals(final double a, final double b)
    {
        return a * b;
    }
}
