package dev.sxs.lang;

/**
 * A node that always gives the same value: literals, unbound symbols, blocks, quoted forms, error
 * literals and unknown commands.
 */
final class ConstNode implements Node
{
    private final Value value;

    ConstNode(final Value value)
    {
        this.value = value;
    }

    @Override
    public Value eval(final Context ctx)
    {
        return value;
    }
}
