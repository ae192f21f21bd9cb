package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.Value;

/**
 * A command of exactly two arguments, A and B, both evaluated in order; an error in either is the
 * command's value (errors propagate, B is not evaluated after an erroneous A). Subclasses decide on the
 * two values. Thread-safe when the subclass is; allocates nothing itself.
 */
abstract class BinaryCommand implements Command
{
    @Override
    public final Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("A B");
        }
        final Value a = args.eval(0, ctx);
        if (a.isError())
        {
            return a;
        }
        final Value b = args.eval(1, ctx);
        if (b.isError())
        {
            return b;
        }
        return apply(args, a, b);
    }

    /**
     * @param args the arguments, for error messages.
     * @param a    the value of A, not an error.
     * @param b    the value of B, not an error.
     * @return the command's value.
     */
    abstract Value apply(Args args, Value a, Value b);
}
