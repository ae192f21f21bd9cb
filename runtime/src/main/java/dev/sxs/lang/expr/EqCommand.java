package dev.sxs.lang.expr;

import dev.sxs.lang.Args;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/eq A B)}: {@code true} when A and B have equal canonical printed forms (as
 * {@code core/kv/cas} compares), so {@code 5} and {@code "5"} differ, {@code 5} and {@code 5.0} differ,
 * and lists are equal item by item. Values are compared structurally, which is the same relation
 * without printing them. Errors propagate.
 */
public final class EqCommand extends BinaryCommand
{
    @Override
    Value apply(final Args args, final Value a, final Value b)
    {
        return SymValue.of(a.equals(b));
    }
}
