package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code (core/str/split S SEP)}: the parts of S between occurrences of the string SEP (not empty,
 * matched literally), as a sequence of strings: {@code (core/str/split "a,b,,c" ",")} is
 * {@code ["a" "b" "" "c"]}, and a string without SEP gives a one-part sequence. More parts than the
 * budget's size limit stop the script with the budget's error.
 */
public final class SplitCommand extends StringCommand
{
    /** A command of S and {@code SEP}. */
    public SplitCommand()
    {
        super("SEP");
    }

    @Override
    Value apply(final Args args, final Context ctx, final String text, final String separator)
    {
        if (separator.isEmpty())
        {
            return args.error("SEP must not be empty");
        }
        final List<Value> parts = new ArrayList<>();
        int from = 0;
        while (true)
        {
            final ErrorValue tooBig = ctx.budget().size(parts.size() + 1);
            if (tooBig != null)
            {
                return tooBig;
            }
            final int at = text.indexOf(separator, from);
            if (at < 0)
            {
                parts.add(new StrValue(text.substring(from)));
                return new ListValue(ListKind.SEQUENCE, parts);
            }
            parts.add(new StrValue(text.substring(from, at)));
            from = at + separator.length();
        }
    }
}
