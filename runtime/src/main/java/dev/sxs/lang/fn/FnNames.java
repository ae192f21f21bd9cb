package dev.sxs.lang.fn;

import dev.sxs.lang.Args;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.Printer;
import dev.sxs.lang.SymValue;

/**
 * The NAME argument of the {@code core/fn/*} commands: a symbol written in place (not evaluated), not
 * empty, not holding U+0000. Stateless.
 */
final class FnNames
{
    private FnNames()
    {
    }

    /**
     * @param args the call's arguments; NAME is the first.
     * @return the name (a {@link String}), or the error value to return.
     */
    static Object name(final Args args)
    {
        if (!(args.form(0) instanceof SymValue s))
        {
            return args.error("NAME must be a symbol, got " + Printer.print(args.form(0)));
        }
        if (HiddenKeys.isHidden(s.name()))
        {
            return args.error("NAME must not contain the character U+0000");
        }
        return s.name();
    }
}
