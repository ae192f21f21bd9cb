package dev.sxs.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Canonical printing of values: integers in decimal, reals in Java's shortest round-trip form
 * ({@code 18.7}, {@code 1.0E10}; non-finite reals as {@code ##Inf}, {@code ##-Inf}, {@code ##NaN}),
 * strings quoted with the escapes {@code \" \\ \n \t \r}, symbols bare, lists in their brackets,
 * {@code (quote x)} as {@code 'x}, errors as {@code @"message"}. What it prints reads back as an
 * equal value. Stateless and thread-safe.
 */
public final class Printer
{
    private Printer()
    {
    }

    /**
     * The canonical printed form of a value, which reads back as an equal value.
     *
     * @param value to print.
     * @return the canonical text.
     */
    public static String print(final Value value)
    {
        final StringBuilder out = new StringBuilder();
        print(value, out);
        return out.toString();
    }

    /**
     * The canonical printed form of each value, in order: what an eval answers to its caller (CLI, JMX).
     *
     * @param values to print.
     * @return a new list, one printed value per value.
     */
    public static List<String> printAll(final List<Value> values)
    {
        final List<String> printed = new ArrayList<>(values.size());
        for (final Value v : values)
        {
            printed.add(print(v));
        }
        return printed;
    }

    /**
     * The display form used by {@code core/util/log}: strings without quotes, all else canonical.
     *
     * @param value to display.
     * @return the display text.
     */
    public static String display(final Value value)
    {
        return value instanceof StrValue s ? s.text() : print(value);
    }

    /**
     * Append the canonical printed form of a value.
     *
     * @param value to print.
     * @param out   where to append.
     */
    public static void print(final Value value, final StringBuilder out)
    {
        printUpTo(value, out, Long.MAX_VALUE);
    }

    /**
     * Append the canonical printed form of a value, stopping once more than {@code limit} characters have
     * been appended: a bound for callers that print text they do not control (the reader's {@code @form}).
     *
     * @param value to print.
     * @param out   where to append; on false it holds a truncated prefix of the printed form.
     * @param limit the most characters to append.
     * @return true when the whole form was appended within the limit.
     */
    public static boolean print(final Value value, final StringBuilder out, final int limit)
    {
        return printUpTo(value, out, (long)out.length() + limit);
    }

    private static boolean printUpTo(final Value value, final StringBuilder out, final long end)
    {
        if (value instanceof IntValue i)
        {
            out.append(i.value());
        }
        else if (value instanceof RealValue r)
        {
            real(r.value(), out);
        }
        else if (value instanceof StrValue s)
        {
            quote(s.text(), out);
        }
        else if (value instanceof SymValue s)
        {
            out.append(s.name());
        }
        else if (value instanceof ListValue l)
        {
            return list(l, out, end);
        }
        else if (value instanceof ErrorValue e)
        {
            out.append('@');
            quote(e.message(), out);
        }
        return out.length() <= end;
    }

    private static boolean list(final ListValue l, final StringBuilder out, final long end)
    {
        if (isQuote(l))
        {
            out.append('\'');
            return printUpTo(l.items().get(1), out, end);
        }
        out.append(l.kind().open());
        for (int i = 0; i < l.items().size(); i++)
        {
            if (i > 0)
            {
                out.append(' ');
            }
            if (!printUpTo(l.items().get(i), out, end))
            {
                return false;
            }
        }
        out.append(l.kind().close());
        return out.length() <= end;
    }

    /**
     * Whether a list is the call {@code (quote form)} that {@code 'form} reads as; it prints as
     * {@code 'form}.
     *
     * @param list the list.
     * @return true for a two-element call headed by the symbol {@code quote}.
     */
    static boolean isQuote(final ListValue list)
    {
        return list.kind() == ListKind.CALL && list.items().size() == 2
            && list.items().get(0) instanceof SymValue s && s.name().equals("quote");
    }

    private static void real(final double d, final StringBuilder out)
    {
        if (Double.isNaN(d))
        {
            out.append(Atoms.NAN);
        }
        else if (d == Double.POSITIVE_INFINITY)
        {
            out.append(Atoms.POSITIVE_INFINITY);
        }
        else if (d == Double.NEGATIVE_INFINITY)
        {
            out.append(Atoms.NEGATIVE_INFINITY);
        }
        else
        {
            out.append(Double.toString(d));
        }
    }

    private static void quote(final String text, final StringBuilder out)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
