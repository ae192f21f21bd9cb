package dev.sxs.lang.math;

import dev.sxs.lang.Args;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/math/sub A B ...)}: A minus the others; {@code (core/math/sub A)} is {@code -A}. See
 * {@link Arithmetic}.
 */
public final class SubCommand extends Arithmetic
{
    /** The command. */
    public SubCommand()
    {
        super("-", 1, Integer.MAX_VALUE, false);
    }

    @Override
    protected Value unary(final Args args, final Value only)
    {
        if (only instanceof IntValue i)
        {
            return i.value() == Long.MIN_VALUE
                ? args.error("integer overflow: - " + i.value()) : IntValue.of(-i.value());
        }
        return new RealValue(-((RealValue)only).value());
    }

    @Override
    protected long ints(final long a, final long b)
    {
        return Math.subtractExact(a, b);
    }

    @Override
    protected double reals(final double a, final double b)
    {
        return a - b;
    }
}
