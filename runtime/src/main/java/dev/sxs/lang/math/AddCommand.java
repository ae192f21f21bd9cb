package dev.sxs.lang.math;

/**
 * {@code (core/math/add A ...)}: the sum; {@code 0} for no arguments. See {@link Arithmetic}.
 */
public final class AddCommand extends Arithmetic
{
    /** The command. */
    public AddCommand()
    {
        super("+", 0, Integer.MAX_VALUE, false);
    }

    @Override
    protected long ints(final long a, final long b)
    {
        return Math.addExact(a, b);
    }

    @Override
    protected double reals(final double a, final double b)
    {
        return a + b;
    }
}
