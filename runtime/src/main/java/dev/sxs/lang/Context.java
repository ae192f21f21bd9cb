package dev.sxs.lang;

import dev.sxs.kv.KvStore;

import java.util.Objects;

/**
 * The state of one evaluation: the {@link Session} it runs as, the dynamic {@link Binding}s
 * ({@code $key}, {@code $data}, ...), the {@link Budget}, the call depth, and the
 * {@link Interpreter} (registry and services) it belongs to.
 * <p>
 * Threading: a context is confined to one thread at a time; create one per evaluation or reuse one
 * per worker thread ({@link #reset()}). Allocation: none on the evaluation hot path.
 */
public final class Context
{
    /** Default maximum nesting of calls (and of {@code core/expr/eval}); beyond it calls fail. */
    public static final int DEFAULT_MAX_DEPTH = 256;

    private static final int BINDINGS = Binding.values().length;

    private final Interpreter interpreter;
    private final Session session;
    private final Budget budget;
    private final Value[] bindings = new Value[BINDINGS];
    private final int maxDepth;
    private int depth;

    /**
     * @param interpreter the interpreter whose registry, services and budget apply.
     * @param session     who the evaluation runs as.
     * @param budget      the budget to spend.
     */
    public Context(final Interpreter interpreter, final Session session, final Budget budget)
    {
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
        this.session = Objects.requireNonNull(session, "session");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.maxDepth = DEFAULT_MAX_DEPTH;
    }

    /** @return the interpreter this context evaluates for. */
    public Interpreter interpreter()
    {
        return interpreter;
    }

    /** @return the session. */
    public Session session()
    {
        return session;
    }

    /** @return the session's scoped store. */
    public KvStore store()
    {
        return session.store();
    }

    /** @return the budget being spent. */
    public Budget budget()
    {
        return budget;
    }

    /**
     * A runtime service, e.g. the event bus.
     *
     * @param type the service type.
     * @param <T>  the type.
     * @return the service, or null when the runtime has none of that type.
     */
    public <T> T service(final Class<T> type)
    {
        return interpreter.services().get(type);
    }

    /**
     * Write one line to the session's log sink.
     *
     * @param line the text.
     */
    public void log(final String line)
    {
        session.log().log(session, line);
    }

    /**
     * @param binding which binding.
     * @return its value, or null when unbound.
     */
    public Value binding(final Binding binding)
    {
        return bindings[binding.ordinal()];
    }

    /**
     * Bind a value; pass null to unbind. Commands that bind for a body restore the previous value
     * afterwards.
     *
     * @param binding which binding.
     * @param value   the value, or null.
     * @return the previous value, or null.
     */
    public Value bind(final Binding binding, final Value value)
    {
        final int i = binding.ordinal();
        final Value previous = bindings[i];
        bindings[i] = value;
        return previous;
    }

    /**
     * Enter one level of call nesting.
     *
     * @return null when allowed, else the error value (the level is not entered then).
     */
    public ErrorValue enter()
    {
        if (depth >= maxDepth)
        {
            return new ErrorValue("nesting too deep: more than " + maxDepth + " levels of calls");
        }
        depth++;
        return null;
    }

    /**
     * Leave one level of call nesting entered with {@link #enter()}.
     */
    public void leave()
    {
        depth--;
    }

    /** @return the current call depth. */
    public int depth()
    {
        return depth;
    }

    /**
     * Clear bindings and depth and reset the budget, to reuse this context for a new run.
     */
    public void reset()
    {
        java.util.Arrays.fill(bindings, null);
        depth = 0;
        budget.reset();
    }
}
