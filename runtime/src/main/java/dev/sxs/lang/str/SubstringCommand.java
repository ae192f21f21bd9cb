package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/str/sub S FROM [TO])}: the characters of S from position FROM (counting from 0) up to,
 * not including, TO (default: the end). {@code 0 <= FROM <= TO <= (core/str/len S)}, else an error
 * naming the position.
 */
public final class SubstringCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2 && args.size() != 3)
        {
            return args.usage("S FROM [TO]");
        }
        final Object s = Strings.text(args, 0, "S", ctx);
        if (s instanceof ErrorValue e)
        {
            return e;
        }
        final String text = (String)s;
        final int length = text.codePointCount(0, text.length());
        final Value from = Strings.integer(args, 1, "FROM", ctx);
        if (from.isError())
        {
            return from;
        }
        final long start = ((IntValue)from).value();
        long end = length;
        if (args.size() == 3)
        {
            final Value to = Strings.integer(args, 2, "TO", ctx);
            if (to.isError())
            {
                return to;
            }
            end = ((IntValue)to).value();
        }
        if (start < 0 || start > length)
        {
            return args.error("FROM " + start + " is out of range 0.." + length);
        }
        if (end < start || end > length)
        {
            return args.error("TO " + end + " is out of range " + start + ".." + length);
        }
        final int begin = text.offsetByCodePoints(0, (int)start);
        return new StrValue(text.substring(begin, text.offsetByCodePoints(begin, (int)(end - start))));
    }
}
