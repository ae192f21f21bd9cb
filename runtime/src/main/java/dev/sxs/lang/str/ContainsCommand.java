package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/str/contains S PART)}: {@code true} when the string PART occurs in the string S (the
 * empty string occurs in every string).
 */
public final class ContainsCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("S PART");
        }
        final Object s = Strings.text(args, 0, "S", ctx);
        if (s instanceof ErrorValue e)
        {
            return e;
        }
        final Object part = Strings.text(args, 1, "PART", ctx);
        if (part instanceof ErrorValue e)
        {
            return e;
        }
        return SymValue.of(((String)s).contains((String)part));
    }
}
