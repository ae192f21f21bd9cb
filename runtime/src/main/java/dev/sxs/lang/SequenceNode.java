package dev.sxs.lang;

import java.util.Arrays;

/**
 * A sequence {@code [form ...]}: evaluates its forms in order into a new sequence of their values,
 * stopping at (and returning) the first error value.
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
        final Value[] values = new Value[nodes.length];
        for (int i = 0; i < nodes.length; i++)
        {
            final Value v = nodes[i].eval(ctx);
            if (v.isError())
            {
                return v;
            }
            values[i] = v;
        }
        return new ListValue(ListKind.SEQUENCE, Arrays.asList(values));
    }
}
