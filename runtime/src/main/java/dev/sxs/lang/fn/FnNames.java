package dev.sxs.lang.fn;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * The NAME argument of the {@code core/fn/*} commands, evaluated like a KEY: a symbol (a bare one names
 * itself, {@code $name} gives its value) or a string; not empty, not holding U+0000. Stateless.
 */
final class FnNames
{
    private FnNames()
    {
    }

    /**
     * @param args the call's arguments; NAME is the first.
     * @param ctx  the context NAME is evaluated in.
     * @return the name (a {@link String}), or the error value to return (NAME's own, or a type error).
     */
    static Object name(final Args args, final Context ctx)
    {
        final Value v = args.eval(0, ctx);
        final String name;
        if (v instanceof SymValue s)
        {
            name = s.name();
        }
        else if (v instanceof StrValue s)
        {
            name = s.text();
        }
        else if (v.isError())
        {
            return v;
        }
        else
        {
            return args.error("NAME must be a symbol or a string, got " + Printer.print(v));
        }
        if (name.isEmpty())
        {
            return args.error("NAME must not be empty");
        }
        if (HiddenKeys.isHidden(name))
        {
            return args.error("NAME must not contain the character U+0000");
        }
        return name;
    }
}
