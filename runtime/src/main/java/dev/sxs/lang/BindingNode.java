package dev.sxs.lang;

/**
 * A symbol naming a {@link Binding}: evaluates to the bound value, or to the symbol itself when
 * nothing is bound.
 */
final class BindingNode implements Node
{
    private final Binding binding;
    private final SymValue symbol;

    BindingNode(final Binding binding, final SymValue symbol)
    {
        this.binding = binding;
        this.symbol = symbol;
    }

    @Override
    public Value eval(final Context ctx)
    {
        final Value value = ctx.binding(binding);
        return value == null ? symbol : value;
    }
}
