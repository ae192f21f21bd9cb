package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.Reader;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/str/num S)}: the number the string S spells, read as the language reads a number literal
 * ({@code "42"} gives {@code 42}, {@code " -2.5e3 "} gives {@code -2500.0}; white space around it is
 * ignored); a string that is not exactly one number is an error showing (the start of) it.
 */
public final class NumCommand extends StringCommand
{
    /** A command of one string S. */
    public NumCommand()
    {
        super(null);
    }

    private static final int MAX_SHOWN = 40;
    private static final int MAX_NUMBER = 400;

    @Override
    Value apply(final Args args, final Context ctx, final String s, final String none)
    {
        final String text = s.strip();
        if (!text.isEmpty() && text.length() <= MAX_NUMBER)
        {
            final Value v = Reader.readOne(text);
            if (v instanceof IntValue || v instanceof RealValue)
            {
                return v;
            }
        }
        final String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return args.error("S is not a number: " + Printer.print(new StrValue(shown)));
    }
}
