package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

import java.util.Locale;

/**
 * {@code (core/str/upper S)}, {@code (core/str/lower S)} and {@code (core/str/trim S)}: one class, one
 * instance for each. Upper and lower case by Unicode's rules, independent of the host's locale
 * ({@link Locale#ROOT}); trim takes off leading and trailing white space ({@link String#strip()}).
 */
public final class CaseCommand extends StringCommand
{
    /** Which change a {@link CaseCommand} makes. */
    public enum Change
    {
        /** Upper case. */
        UPPER,
        /** Lower case. */
        LOWER,
        /** Leading and trailing white space removed. */
        TRIM
    }

    private final Change change;

    /**
     * @param change the change this instance makes.
     */
    public CaseCommand(final Change change)
    {
        super(null);
        this.change = change;
    }

    @Override
    Value apply(final Args args, final Context ctx, final String text, final String none)
    {
        final String changed = switch (change)
        {
            case UPPER -> text.toUpperCase(Locale.ROOT);
            case LOWER -> text.toLowerCase(Locale.ROOT);
            case TRIM -> text.strip();
        };
        final ErrorValue tooBig = ctx.budget().size(changed.length());
        return tooBig != null ? tooBig : new StrValue(changed);
    }
}
