package dev.sxs.lang;

/**
 * The arguments of one call site, compiled once: each argument's form, its compiled node, and for
 * a literal block argument {@code {...}} its compiled {@link Body}.
 * <p>
 * Threading: immutable apart from the {@link #site()} slot, shared by every evaluation of the call site.
 * Allocation: none.
 */
public final class Args
{
    private final String name;
    private final Value[] forms;
    private final Node[] nodes;
    private final Body[] bodies;
    private volatile Object site;

    Args(final String name, final Value[] forms, final Node[] nodes, final Body[] bodies)
    {
        this.name = name;
        this.forms = forms;
        this.nodes = nodes;
        this.bodies = bodies;
    }

    /** @return the command name the call's head names, for messages. */
    public String name()
    {
        return name;
    }

    /** @return the number of arguments. */
    public int size()
    {
        return forms.length;
    }

    /**
     * Evaluate argument {@code i}.
     *
     * @param i   the index, 0 for the first argument.
     * @param ctx the context.
     * @return its value, possibly an error value (which the command should return as is).
     */
    public Value eval(final int i, final Context ctx)
    {
        return nodes[i].eval(ctx);
    }

    /**
     * Run argument {@code i} as a branch or body: a block written in place ({@code {...}}) runs as a body
     * (its forms in order, the last value or the first error); any other argument is evaluated.
     *
     * @param i   the index.
     * @param ctx the context.
     * @return the value, possibly an error value.
     */
    public Value run(final int i, final Context ctx)
    {
        final Body body = bodies[i];
        return body != null ? body.run(ctx) : nodes[i].eval(ctx);
    }

    /**
     * @param i the index.
     * @return argument {@code i} unevaluated, as written.
     */
    public Value form(final int i)
    {
        return forms[i];
    }

    /**
     * @param i the index.
     * @return argument {@code i}'s compiled node.
     */
    public Node node(final int i)
    {
        return nodes[i];
    }

    /**
     * The compiled body of a block argument, runnable many times with different bindings.
     *
     * @param i the index.
     * @return the body when argument {@code i} is written as a block {@code {...}}, else null.
     */
    public Body body(final int i)
    {
        return bodies[i];
    }

    /**
     * What the command cached for this call site (e.g. the stored function a {@code core/fn/call} site
     * resolved), or null. Any evaluation on any thread may replace it, so the command keeps an immutable
     * object here and checks it is still valid before using it.
     *
     * @return the cached object, or null.
     */
    public Object site()
    {
        return site;
    }

    /**
     * Cache an immutable object for this call site (see {@link #site()}).
     *
     * @param value the object, or null to clear.
     */
    public void site(final Object value)
    {
        site = value;
    }

    /**
     * The usage error for this command, e.g. {@code @"core/kv/cas: expects KEY EXPECTED NEW"}.
     *
     * @param shape the expected arguments.
     * @return the error value.
     */
    public ErrorValue usage(final String shape)
    {
        return new ErrorValue(name + ": expects " + shape);
    }

    /**
     * An error naming this command: {@code @"<command>: <detail>"}.
     *
     * @param detail what was wrong.
     * @return the error value.
     */
    public ErrorValue error(final String detail)
    {
        return new ErrorValue(name + ": " + detail);
    }
}
