package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * The orderings {@code (core/expr/lt A B)}, {@code le}, {@code gt}, {@code ge}: one class, one instance
 * per operator. Two numbers compare by value (integers exactly; with a real, both as reals, so NaN is
 * unordered and every comparison with it is {@code false}); two strings compare by the byte order of
 * their UTF-8 (which is code point order, the order of {@code core/kv/iterate}). Any other pair is an
 * error naming the command and the argument. Errors propagate. Allocation: none.
 */
public final class CompareCommand extends BinaryCommand
{
    /** Which ordering a {@link CompareCommand} tests. */
    public enum Op
    {
        /** A &lt; B. */
        LT,
        /** A &lt;= B. */
        LE,
        /** A &gt; B. */
        GT,
        /** A &gt;= B. */
        GE
    }

    private final Op op;

    /**
     * @param op the ordering this instance tests.
     */
    public CompareCommand(final Op op)
    {
        this.op = op;
    }

    @Override
    Value apply(final Args args, final Value a, final Value b)
    {
        if (a instanceof IntValue x && b instanceof IntValue y)
        {
            return SymValue.of(holds(Long.compare(x.value(), y.value())));
        }
        if (isNumber(a))
        {
            if (!isNumber(b))
            {
                return args.error("B must be a number to compare with " + Printer.print(a) + ", got "
                    + Printer.print(b));
            }
            return SymValue.of(reals(real(a), real(b)));
        }
        if (a instanceof StrValue x)
        {
            if (!(b instanceof StrValue y))
            {
                return args.error("B must be a string to compare with " + Printer.print(a) + ", got "
                    + Printer.print(b));
            }
            return SymValue.of(holds(compareCodePoints(x.text(), y.text())));
        }
        return args.error("A must be a number or a string, got " + Printer.print(a));
    }

    /**
     * Compare two strings in code point order, which is the byte order of their UTF-8 encodings (unlike
     * {@link String#compareTo}, which orders UTF-16 units and puts U+E000..U+FFFF after supplementary
     * characters).
     *
     * @param a a string.
     * @param b a string.
     * @return negative, zero or positive as a sorts before, with or after b.
     */
    public static int compareCodePoints(final String a, final String b)
    {
        final int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++)
        {
            final char x = a.charAt(i);
            final char y = b.charAt(i);
            if (x != y)
            {
                return fixUp(x) - fixUp(y);
            }
        }
        return a.length() - b.length();
    }

    /** Shift surrogates above U+E000..U+FFFF so UTF-16 units order as code points do. */
    private static int fixUp(final char c)
    {
        if (c >= Character.MIN_SURROGATE)
        {
            return c <= Character.MAX_SURROGATE ? c + 0x2000 : c - 0x800;
        }
        return c;
    }

    private boolean holds(final int cmp)
    {
        return switch (op)
        {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    private boolean reals(final double x, final double y)
    {
        return switch (op)
        {
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
        };
    }

    private static boolean isNumber(final Value v)
    {
        return v instanceof IntValue || v instanceof RealValue;
    }

    private static double real(final Value v)
    {
        return v instanceof IntValue i ? (double)i.value() : ((RealValue)v).value();
    }
}
