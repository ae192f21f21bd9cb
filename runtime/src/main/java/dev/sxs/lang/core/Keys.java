package dev.sxs.lang.core;

import dev.sxs.kv.KeyText;
import dev.sxs.lang.Args;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * The KEY rules of the language: a KEY argument evaluates to a symbol (its name is the key), a
 * string (its text) or an integer (its decimal digits). An unbound symbol evaluates to itself, a
 * bound one ({@code $key}) to its value. A key holding U+0000 is {@link HiddenKeys hidden} and refused.
 * Stateless.
 */
final class Keys
{
    private Keys()
    {
    }

    /**
     * @param value an evaluated KEY (or PREFIX) argument.
     * @return the key text, or null when the value has no key text.
     */
    static String text(final Value value)
    {
        if (value instanceof SymValue s)
        {
            return s.name();
        }
        if (value instanceof StrValue s)
        {
            return s.text();
        }
        if (value instanceof IntValue i)
        {
            return Long.toString(i.value());
        }
        return null;
    }

    /**
     * @param args  the call's arguments, for the command name.
     * @param what  the argument's name in messages, e.g. {@code KEY}.
     * @param value the offending value.
     * @return {@code @"<command>: KEY must be a string, symbol or integer, got <value>"}.
     */
    static ErrorValue badType(final Args args, final String what, final Value value)
    {
        return args.error(what + " must be a string, symbol or integer, got " + Printer.print(value));
    }

    /**
     * @param args the call's arguments, for the command name.
     * @param what the argument's name in messages, e.g. {@code PREFIX}.
     * @return the error for a key or prefix holding the reserved character U+0000.
     */
    static ErrorValue hidden(final Args args, final String what)
    {
        return args.error(what + " must not contain the character U+0000 (reserved for sxs's own keys)");
    }

    /**
     * The key of an evaluated KEY argument (the typed path; its error is {@link #invalid}).
     *
     * @param value the evaluated KEY.
     * @return the key text (not empty, not hidden, well-formed UTF-16), or null when the value is an error, has
     *         no key text, names a {@link HiddenKeys hidden key} or holds a lone surrogate.
     */
    static String keyOf(final Value value)
    {
        final String key = text(value);
        return key == null || key.isEmpty() || HiddenKeys.isHidden(key) || KeyText.loneSurrogate(key) >= 0 ? null
            : key;
    }

    /**
     * The error to return for an evaluated KEY whose {@link #keyOf} was null.
     *
     * @param args  the arguments, for the command name.
     * @param value the evaluated KEY.
     * @return the value itself when it is an error (errors propagate), else a precise error.
     */
    static Value invalid(final Args args, final Value value)
    {
        if (value.isError())
        {
            return value;
        }
        final String key = text(value);
        if (key == null)
        {
            return badType(args, "KEY", value);
        }
        if (key.isEmpty())
        {
            return args.error("KEY must not be empty");
        }
        if (KeyText.loneSurrogate(key) >= 0)
        {
            return args.error(KeyText.problem(key));
        }
        return hidden(args, "KEY");
    }
}
