package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/str/contains S PART)}: {@code true} when the string PART occurs in the string S (the
 * empty string occurs in every string).
 */
public final class ContainsCommand extends StringCommand
{
    /** A command of S and {@code PART}. */
    public ContainsCommand()
    {
        super("PART");
    }

    @Override
    Value apply(final Args args, final Context ctx, final String text, final String part)
    {
        return SymValue.of(text.contains(part));
    }
}
