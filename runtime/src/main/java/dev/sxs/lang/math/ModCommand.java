package dev.sxs.lang.math;

/**
 * {@code (core/math/mod A B)}: the remainder of the truncating division, with A's sign
 * ({@code (core/math/mod -7 2)} is {@code -1}); reals too ({@code 7.5 2} gives {@code 1.5}); a zero B
 * is an error. See {@link Arithmetic}.
 */
public final class ModCommand extends Arithmetic
{
    /** The command. */
    public ModCommand()
    {
        super("mod", 2, 2, true);
    }

    @Override
    protected long ints(final long a, final long b)
    {
        return a % b;
    }

    @Override
    protected double reals(final double a, final double b)
    {
        return a % b;
    }
}
