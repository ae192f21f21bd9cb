package dev.sxs.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled top-level forms of one source text, runnable any number of times.
 * <p>
 * Running evaluates every top-level form in order, one value per form (an error in one form does
 * not skip the next; an exhausted budget makes every later form return the budget error). A source
 * with a read error runs to exactly one value: that error.
 * <p>
 * Threading: immutable; run it on many threads at once with one context each. Failure: never
 * throws.
 */
public final class Script
{
    private final String source;
    private final List<Value> forms;
    private final Node[] nodes;
    private final ErrorValue readError;

    private Script(final String source, final List<Value> forms, final Node[] nodes, final ErrorValue readError)
    {
        this.source = source;
        this.forms = forms;
        this.nodes = nodes;
        this.readError = readError;
    }

    /**
     * Read and compile a source text.
     *
     * @param source   the text.
     * @param registry where command heads are resolved.
     * @return the script (holding the read error if the text did not read).
     */
    public static Script compile(final String source, final CommandRegistry registry)
    {
        return compile(source, new Compiler(registry));
    }

    /**
     * Read and compile a source text.
     *
     * @param source   the text.
     * @param compiler the compiler to use.
     * @return the script (holding the read error if the text did not read).
     */
    public static Script compile(final String source, final Compiler compiler)
    {
        final ReadResult read = Reader.read(source);
        if (!read.ok())
        {
            return new Script(source, List.of(), new Node[0], read.error());
        }
        final List<Value> forms = read.forms();
        final Node[] nodes = new Node[forms.size()];
        for (int i = 0; i < nodes.length; i++)
        {
            nodes[i] = compiler.compile(forms.get(i));
        }
        return new Script(source, forms, nodes, null);
    }

    /**
     * Evaluate every top-level form.
     *
     * @param ctx the context (session, bindings, budget).
     * @return one value per top-level form, or the read error alone.
     */
    public List<Value> run(final Context ctx)
    {
        if (readError != null)
        {
            return List.of(readError);
        }
        final List<Value> values = new ArrayList<>(nodes.length);
        final Budget budget = ctx.budget();
        for (final Node node : nodes)
        {
            if (budget.isCancelled())
            {
                // a cancelled script starts no further form, however few steps the forms take
                values.add(budget.checkTime());
                continue;
            }
            values.add(evalSafely(node, ctx));
            if (!budget.isCancelled())
            {
                budget.formRun();
            }
        }
        return values;
    }

    /**
     * Evaluate the forms in order as one body: stop at the first error value, else give the last
     * value ({@code ()} when there are no forms). Used by {@code core/expr/eval}.
     *
     * @param ctx the context.
     * @return the last value, the first error, or the read error.
     */
    public Value runAsBody(final Context ctx)
    {
        if (readError != null)
        {
            return readError;
        }
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

    /** @return the read error, or null when the source read. */
    public ErrorValue readError()
    {
        return readError;
    }

    /** @return the top-level forms as read. */
    public List<Value> forms()
    {
        return forms;
    }

    /** @return the source text. */
    public String source()
    {
        return source;
    }

    static Value evalSafely(final Node node, final Context ctx)
    {
        try
        {
            return node.eval(ctx);
        }
        catch (final StackOverflowError ex)
        {
            return new ErrorValue("stack exhausted");
        }
        catch (final RuntimeException ex)
        {
            return new ErrorValue("internal error: " + ex);
        }
    }
}
