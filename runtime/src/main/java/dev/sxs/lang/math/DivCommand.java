package dev.sxs.lang.math;

/**
 * {@code (core/math/div A B ...)}: A divided by the others; integers truncate toward zero
 * ({@code (core/math/div 7 2)} is {@code 3}, {@code -7 2} gives {@code -3}); a zero divisor is an error,
 * and so is the one integer overflow, the most negative integer divided by {@code -1}. See
 * {@link Arithmetic}.
 */
public final class DivCommand extends Arithmetic
{
    /** The command. */
    public DivCommand()
    {
        super("/", 2, Integer.MAX_VALUE, true);
    }

    @Override
    protected long ints(final long a, final long b)
    {
        if (a == Long.MIN_VALUE && b == -1)
        {
            throw new ArithmeticException("overflow");
        }
        return a / b;
    }

    @Override
    protected double reals(final double a, final double b)
    {
        return a / b;
    }
}
