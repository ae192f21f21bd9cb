package dev.sxs.lang.math;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.Value;

/**
 * An arithmetic command folded left over its arguments: {@code (op A B C)} is {@code ((A op B) op C)}.
 * Integers stay integers while every operand is one; from the first real on the fold continues in reals.
 * A 64-bit overflow ({@link ArithmeticException} from the integer operation) is
 * {@code @"<command>: integer overflow: A op B"}; a zero divisor, integer or real, is
 * {@code @"<command>: division by zero"}; an operand that is not a number is
 * {@code @"<command>: argument N must be a number, got X"}. Errors in arguments propagate.
 * <p>
 * Threading: stateless. Allocation: the result (small integers are shared), nothing per operand.
 */
public abstract class Arithmetic implements Command
{
    private final String symbol;
    private final int minArgs;
    private final int maxArgs;
    private final boolean divides;

    /**
     * @param symbol  the operator in overflow messages, e.g. {@code +}.
     * @param minArgs the fewest arguments.
     * @param maxArgs the most arguments ({@link Integer#MAX_VALUE} for any number).
     * @param divides whether a zero right operand is a division by zero.
     */
    protected Arithmetic(final String symbol, final int minArgs, final int maxArgs, final boolean divides)
    {
        this.symbol = symbol;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.divides = divides;
    }

    /**
     * @param a the left operand.
     * @param b the right operand (not zero when the command divides).
     * @return a op b.
     * @throws ArithmeticException on 64-bit overflow.
     */
    protected abstract long ints(long a, long b);

    /**
     * @param a the left operand.
     * @param b the right operand (not zero when the command divides).
     * @return a op b.
     */
    protected abstract double reals(double a, double b);

    /**
     * The value of the command with no arguments, when it allows none.
     *
     * @return the identity of the operation.
     */
    protected Value identity()
    {
        return IntValue.of(0);
    }

    /**
     * The value of the command with one argument.
     *
     * @param args the call's arguments, for messages.
     * @param only the argument, a number.
     * @return the value, or an error value.
     */
    protected Value unary(final Args args, final Value only)
    {
        return only;
    }

    @Override
    public final Value invoke(final Args args, final Context ctx)
    {
        final int n = args.size();
        if (n < minArgs || n > maxArgs)
        {
            return args.usage(minArgs == 2 && maxArgs == 2 ? "A B" : minArgs == 2 ? "A B ..." : "A ...");
        }
        if (n == 0)
        {
            return identity();
        }
        final Value first = args.eval(0, ctx);
        if (first.isError())
        {
            return first;
        }
        if (!(first instanceof IntValue) && !(first instanceof RealValue))
        {
            return notANumber(args, 0, first);
        }
        if (n == 1)
        {
            return unary(args, first);
        }
        boolean real = first instanceof RealValue;
        long whole = real ? 0 : ((IntValue)first).value();
        double fraction = real ? ((RealValue)first).value() : 0;
        for (int i = 1; i < n; i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            if (v instanceof IntValue iv && !real)
            {
                final long b = iv.value();
                if (divides && b == 0)
                {
                    return args.error("division by zero");
                }
                try
                {
                    whole = ints(whole, b);
                }
                catch (final ArithmeticException ex)
                {
                    return args.error("integer overflow: " + whole + " " + symbol + " " + b);
                }
                continue;
            }
            final double b;
            if (v instanceof IntValue iv)
            {
                b = iv.value();
            }
            else if (v instanceof RealValue rv)
            {
                b = rv.value();
            }
            else
            {
                return notANumber(args, i, v);
            }
            if (divides && b == 0)
            {
                return args.error("division by zero");
            }
            if (!real)
            {
                real = true;
                fraction = whole;
            }
            fraction = reals(fraction, b);
        }
        return real ? new RealValue(fraction) : IntValue.of(whole);
    }

    private static Value notANumber(final Args args, final int i, final Value v)
    {
        return args.error("argument " + (i + 1) + " must be a number, got " + Printer.print(v));
    }
}
