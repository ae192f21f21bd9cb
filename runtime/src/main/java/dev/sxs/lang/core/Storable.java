package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Reader;
import dev.sxs.lang.Value;

/**
 * The rule that errors cannot be stored. An error produced while evaluating a VALUE argument
 * propagates unchanged (a failing {@code get} inside a {@code set} returns the get's error); an
 * error written as data ({@code @"x"}, {@code '@"x"}, or inside a list) gives
 * {@code @"<command>: cannot store an error"}. A value that would not read back
 * ({@link StoredValues#unreadable}) gives {@code @"<command>: <why>"}. Stateless.
 */
final class Storable
{
    private Storable()
    {
    }

    /**
     * @param args  the arguments.
     * @param i     the index of the VALUE argument.
     * @param value its evaluated value.
     * @return null when the value may be stored, else the error value to return.
     */
    static ErrorValue check(final Args args, final int i, final Value value)
    {
        if (value.isError())
        {
            return isLiteral(args.form(i)) ? args.error("cannot store an error") : (ErrorValue)value;
        }
        if (value instanceof ListValue && StoredValues.containsError(value))
        {
            return args.error("cannot store an error");
        }
        final String unreadable = StoredValues.unreadable(value);
        return unreadable == null ? null : args.error(unreadable);
    }

    private static boolean isLiteral(final Value form)
    {
        if (form instanceof ErrorValue)
        {
            return true;
        }
        return form instanceof ListValue l && l.kind() == ListKind.CALL && l.items().size() == 2
            && l.items().get(0).equals(Reader.QUOTE);
    }
}
