package dev.sxs.lang;

/**
 * Canonical printing of values. Stateless and thread-safe.
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
        if (value instanceof IntValue i)
        {
            out.append(i.value());
        }
        else if (value instanceof RealValue r)
        {
            out.append(Double.toString(r.value()));
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
            out.append(l.kind().open());
            for (int i = 0; i < l.items().size(); i++)
            {
                if (i > 0)
                {
                    out.append(' ');
                }
                print(l.items().get(i), out);
            }
            out.append(l.kind().close());
        }
        else if (value instanceof ErrorValue e)
        {
            out.append('@');
            quote(e.message(), out);
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
