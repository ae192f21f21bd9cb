package dev.sxs.lang;

/**
 * A symbol {@code $NAME} that names no {@link Binding}: evaluates to the innermost local of that name
 * ({@code core/expr/let}, a stored function's parameter, {@code $item} of {@code core/list/each}), or
 * to the symbol itself when nothing binds it, like any other symbol. Allocation: none.
 */
final class LocalNode implements Node
{
    private final String name;
    private final SymValue symbol;

    LocalNode(final SymValue symbol)
    {
        this.name = symbol.name().substring(1);
        this.symbol = symbol;
    }

    @Override
    public Value eval(final Context ctx)
    {
        final Value value = ctx.local(name);
        return value == null ? symbol : value;
    }
}
