package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/str/concat A ...)}: one string of the arguments' texts, strings as their text and other
 * values printed ({@code (core/str/concat "fn:" 7 ":pc")} is {@code "fn:7:pc"}); {@code ""} for none.
 * A result longer than the budget's size limit stops the script with the budget's error. Errors propagate.
 */
public final class ConcatCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            Strings.append(v, out);
            final ErrorValue tooBig = ctx.budget().size(out.length());
            if (tooBig != null)
            {
                return tooBig;
            }
        }
        return new StrValue(out.toString());
    }
}
