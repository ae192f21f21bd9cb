package dev.sxs.lang;

import java.util.List;

/**
 * The compiled forms of a block {@code {form ...}}, runnable any number of times: each run
 * evaluates the forms in order, stops at the first error value and returns it, else returns the
 * last form's value ({@code ()} for an empty block).
 * <p>
 * Commands get a body from {@link Args#body(int)}; handlers and iterations bind values in the
 * context ({@link Context#bind}) before {@link #run}. Threading: immutable; many threads may run
 * one body at once, each with its own context. Allocation: none beyond what the forms allocate.
 */
public final class Body
{
    /** The value of an empty block or script: the empty call {@code ()}. */
    public static final ListValue NOTHING = new ListValue(ListKind.CALL, List.of());

    private final ListValue block;
    private final Node[] nodes;

    Body(final ListValue block, final Node[] nodes)
    {
        this.block = block;
        this.nodes = nodes;
    }

    /**
     * Run the forms.
     *
     * @param ctx the context, with whatever bindings the caller set.
     * @return the last value, or the first error value.
     */
    public Value run(final Context ctx)
    {
        Value last = NOTHING;
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

    /** @return the block as written. */
    public ListValue block()
    {
        return block;
    }
}
