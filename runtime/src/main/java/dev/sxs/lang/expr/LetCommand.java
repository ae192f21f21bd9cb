package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/let NAME VALUE {BODY})}: evaluates VALUE, then runs BODY with {@code $NAME} bound to
 * it and gives BODY's value. NAME is a symbol written bare ({@code total}; {@code $total} is accepted
 * too). The binding is local: it hides an outer {@code $NAME} while BODY runs and is gone afterwards;
 * a stored function called from BODY does not see it. The names of the built-in bindings
 * ({@code key data channel topic}, {@code CHANNEL_A}..{@code CHANNEL_F}) are refused. Errors in VALUE
 * or BODY propagate. Allocation: none (beyond a {@code $NAME} spelling's name).
 */
public final class LetCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 3)
        {
            return args.usage("NAME VALUE {BODY}");
        }
        final Object name = localName(args, 0, "NAME");
        if (name instanceof ErrorValue error)
        {
            return error;
        }
        final Value value = args.eval(1, ctx);
        if (value.isError())
        {
            return value;
        }
        final int mark = ctx.pushLocal((String)name, value);
        try
        {
            return args.run(2, ctx);
        }
        finally
        {
            ctx.popLocals(mark);
        }
    }

    /**
     * The local name written as argument {@code i} (a symbol, bare or with its {@code $}), without the
     * {@code $}, as {@link Context#pushLocal} takes it.
     *
     * @param args the call's arguments.
     * @param i    the argument index.
     * @param what the argument's name in messages.
     * @return the name (a {@link String}), or the {@link ErrorValue} to return.
     */
    public static Object localName(final Args args, final int i, final String what)
    {
        if (!(args.form(i) instanceof SymValue sym))
        {
            return args.error(what + " must be a symbol, got " + Printer.print(args.form(i)));
        }
        return checkName(args, sym.name(), what);
    }

    /**
     * Check a local name and take off its {@code $}.
     *
     * @param args the call's arguments, for messages.
     * @param written the name as written.
     * @param what the argument's name in messages.
     * @return the name (a {@link String}), or the {@link ErrorValue} to return.
     */
    public static Object checkName(final Args args, final String written, final String what)
    {
        final String name = written.startsWith("$") ? written.substring(1) : written;
        if (name.isEmpty())
        {
            return args.error(what + " must not be empty");
        }
        if (isReserved(name))
        {
            return args.error(what + " '" + name + "' is reserved: $" + name + " is a built-in binding");
        }
        return name;
    }

    private static boolean isReserved(final String name)
    {
        return switch (name)
        {
            case "key", "data", "channel", "topic" -> true;
            default -> name.length() == 9 && name.startsWith("CHANNEL_") && name.charAt(8) >= 'A'
                && name.charAt(8) <= 'F';
        };
    }
}
