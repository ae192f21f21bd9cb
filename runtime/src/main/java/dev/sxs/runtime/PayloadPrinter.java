package dev.sxs.runtime;

import java.util.List;

import dev.sxs.journal.PayloadBuffer;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * Prints a value's canonical form ({@link Printer}) straight into a journal record's {@link PayloadBuffer}, with
 * no String in between: integers, strings, symbols, errors, lists and reals with at most
 * {@value #FAST_FRACTION_DIGITS} fraction digits below a million (12.5, 0.125, 3.0) are written digit by digit;
 * other reals go through {@link Printer} (one String). The text is the same as {@link Printer#print(Value)}'s:
 * {@code PayloadPrinterTest} compares them for every kind, every escape and the whole range of the fast reals.
 * <p>
 * Threading: stateless. Allocation: none for the values above, one String per other real.
 */
final class PayloadPrinter
{
    /** Most fraction digits of a real printed without {@link Double#toString}. */
    static final int FAST_FRACTION_DIGITS = 3;
    /** Reals printed without {@link Double#toString} have fewer than this many digits in all. */
    static final long FAST_DIGITS_BOUND = 1_000_000L;
    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000};
    private static final long[] LONG_POWERS_OF_TEN = {1, 10, 100, 1000};

    private PayloadPrinter()
    {
    }

    /**
     * Append the canonical printed form of a value.
     *
     * @param value the value.
     * @param out   where to append.
     */
    static void print(final Value value, final PayloadBuffer out)
    {
        if (value instanceof IntValue i)
        {
            out.decimal(i.value());
        }
        else if (value instanceof StrValue s)
        {
            quote(s.text(), out);
        }
        else if (value instanceof SymValue s)
        {
            out.utf8(s.name());
        }
        else if (value instanceof ListValue l)
        {
            list(l, out);
        }
        else if (value instanceof RealValue r)
        {
            real(r, out);
        }
        else if (value instanceof ErrorValue e)
        {
            out.ascii('@');
            quote(e.message(), out);
        }
    }

    private static void list(final ListValue l, final PayloadBuffer out)
    {
        final List<Value> items = l.items();
        final int n = items.size();
        if (l.kind() == ListKind.CALL && n == 2 && items.get(0) instanceof SymValue s && s.name().equals("quote"))
        {
            out.ascii('\'');
            print(items.get(1), out);
            return;
        }
        out.ascii(l.kind().open());
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
            {
                out.ascii(' ');
            }
            print(items.get(i), out);
        }
        out.ascii(l.kind().close());
    }

    /** A real whose shortest decimal has a few fraction digits, as {@link Double#toString} prints it; else that. */
    private static void real(final RealValue r, final PayloadBuffer out)
    {
        final double d = r.value();
        if (Double.compare(d, 0) != 0 && Math.abs(d) < FAST_DIGITS_BOUND)
        {
            for (int k = 0; k <= FAST_FRACTION_DIGITS; k++)
            {
                final long scaled = Math.round(d * POWERS_OF_TEN[k]);
                // exact: the decimal scaled/10^k reads back as d itself (both operands exact, the division rounded)
                if (Math.abs(scaled) < FAST_DIGITS_BOUND && Double.compare(scaled / POWERS_OF_TEN[k], d) == 0)
                {
                    decimal(scaled, k, out);
                    return;
                }
            }
        }
        out.utf8(Printer.print(r));
    }

    /** {@code scaled / 10^fraction} with at least one fraction digit ({@code 3.0}, {@code 0.125}, {@code -12.5}). */
    private static void decimal(final long scaled, final int fraction, final PayloadBuffer out)
    {
        if (scaled < 0)
        {
            out.ascii('-');
        }
        final long magnitude = Math.abs(scaled);
        final long unit = LONG_POWERS_OF_TEN[fraction];
        out.decimal(magnitude / unit).ascii('.');
        if (fraction == 0)
        {
            out.ascii('0');
            return;
        }
        long rest = magnitude % unit;
        for (long digit = unit / 10; digit > 0; digit /= 10)
        {
            out.ascii((char)('0' + rest / digit));
            rest %= digit;
        }
    }

    /** A string in double quotes with the escapes {@code \" \\ \n \t \r}, as {@link Printer} quotes it. */
    private static void quote(final String text, final PayloadBuffer out)
    {
        out.ascii('"');
        final int n = text.length();
        for (int i = 0; i < n; i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.ascii('\\').ascii('"');
                case '\\' -> out.ascii('\\').ascii('\\');
                case '\n' -> out.ascii('\\').ascii('n');
                case '\t' -> out.ascii('\\').ascii('t');
                case '\r' -> out.ascii('\\').ascii('r');
                default -> out.utf8(c);
            }
        }
        out.ascii('"');
    }
}
