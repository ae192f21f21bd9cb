package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/str/len S)}: the number of characters (code points) of the string S.
 */
public final class StrLenCommand extends StringCommand
{
    /** A command of one string S. */
    public StrLenCommand()
    {
        super(null);
    }

    @Override
    Value apply(final Args args, final Context ctx, final String text, final String none)
    {
        return IntValue.of(text.codePointCount(0, text.length()));
    }
}
