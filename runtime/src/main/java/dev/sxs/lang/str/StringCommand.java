package dev.sxs.lang.str;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Value;

/**
 * A command whose arguments are all strings, evaluated in order: {@code S} and, for a two-string
 * command, one more named by the subclass (e.g. {@code PART}, {@code SEP}). A wrong count is the usage
 * error, a non-string argument a type error naming it, and an argument's error propagates (later
 * arguments are not evaluated). Subclasses decide on the texts. Thread-safe when the subclass is.
 */
abstract class StringCommand implements Command
{
    private final String second;

    /**
     * @param second the second argument's name, or null for a command of one string {@code S}.
     */
    StringCommand(final String second)
    {
        this.second = second;
    }

    @Override
    public final Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != (second == null ? 1 : 2))
        {
            return args.usage(second == null ? "S" : "S " + second);
        }
        final Object s = Strings.text(args, 0, "S", ctx);
        if (s instanceof ErrorValue e)
        {
            return e;
        }
        if (second == null)
        {
            return apply(args, ctx, (String)s, null);
        }
        final Object t = Strings.text(args, 1, second, ctx);
        if (t instanceof ErrorValue e)
        {
            return e;
        }
        return apply(args, ctx, (String)s, (String)t);
    }

    /**
     * @param args   the arguments, for error messages.
     * @param ctx    the context (its budget).
     * @param s      the text of S.
     * @param second the text of the second argument, null for a one-string command.
     * @return the command's value.
     */
    abstract Value apply(Args args, Context ctx, String s, String second);
}
