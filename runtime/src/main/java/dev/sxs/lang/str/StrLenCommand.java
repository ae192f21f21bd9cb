package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/str/len S)}: the number of characters (code points) of the string S.
 */
public final class StrLenCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("S");
        }
        final Object s = Strings.text(args, 0, "S", ctx);
        if (s instanceof ErrorValue e)
        {
            return e;
        }
        final String text = (String)s;
        return IntValue.of(text.codePointCount(0, text.length()));
    }
}
