package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

/**
 * Argument helpers of the string commands: a string argument, an integer argument, and the text of any
 * value as {@code core/str/concat} and {@code core/str/join} put it (a string as its text, anything else
 * printed). Stateless.
 */
final class Strings
{
    private Strings()
    {
    }

    /**
     * Evaluate argument {@code i}, which must be a string.
     *
     * @param args the arguments.
     * @param i    the index.
     * @param what the argument's name in messages, e.g. {@code S}.
     * @param ctx  the context.
     * @return the {@link String}, or the {@link ErrorValue} to return (the argument's own, or a type error).
     */
    static Object text(final Args args, final int i, final String what, final Context ctx)
    {
        final Value v = args.eval(i, ctx);
        if (v instanceof StrValue s)
        {
            return s.text();
        }
        if (v instanceof ErrorValue e)
        {
            return e;
        }
        return args.error(what + " must be a string, got " + Printer.print(v));
    }

    /**
     * Evaluate argument {@code i}, which must be an integer.
     *
     * @param args the arguments.
     * @param i    the index.
     * @param what the argument's name in messages, e.g. {@code FROM}.
     * @param ctx  the context.
     * @return the {@link IntValue}, or the {@link ErrorValue} to return.
     */
    static Value integer(final Args args, final int i, final String what, final Context ctx)
    {
        final Value v = args.eval(i, ctx);
        if (v instanceof IntValue || v.isError())
        {
            return v;
        }
        return args.error(what + " must be an integer, got " + Printer.print(v));
    }

    /**
     * Append a value's text: a string's text, anything else in printed form.
     *
     * @param v   the value.
     * @param out where to append.
     */
    static void append(final Value v, final StringBuilder out)
    {
        if (v instanceof StrValue s)
        {
            out.append(s.text());
        }
        else
        {
            Printer.print(v, out);
        }
    }
}
