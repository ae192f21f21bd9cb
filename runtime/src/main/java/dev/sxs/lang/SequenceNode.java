package dev.sxs.lang;

/**
 * A sequence {@code [form ...]}: evaluates its forms in order and gives the last value, stopping at
 * (and returning) the first error value, as the original sxs's multi-statement form does. The empty
 * sequence {@code []} gives {@link Body#NOTHING}, like an empty body. Allocation: none.
 */
final class SequenceNode implements Node
{
    private final Node[] nodes;

    SequenceNode(final Node[] nodes)
    {
        this.nodes = nodes;
    }

    @Override
    public Value eval(final Context ctx)
    {
        Value last = Body.NOTHING;
        for (final Node node : nodes)
        {
            last = node.eval(ctx);
            if (last.isError())
            {
                return last;
            }
        }
        return last;
    }
}
