package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
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
public final class SplitCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("S SEP");
        }
        final Object s = Strings.text(args, 0, "S", ctx);
        if (s instanceof ErrorValue e)
        {
            return e;
        }
        final Object sep = Strings.text(args, 1, "SEP", ctx);
        if (sep instanceof ErrorValue e)
        {
            return e;
        }
        final String text = (String)s;
        final String separator = (String)sep;
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
