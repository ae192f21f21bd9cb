package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/ne A B)}: {@code true} when A and B have different printed forms; the negation of
 * {@link EqCommand}. Errors propagate.
 */
public final class NeCommand extends BinaryCommand
{
    @Override
    Value apply(final Args args, final Value a, final Value b)
    {
        return SymValue.of(!a.equals(b));
    }
}
