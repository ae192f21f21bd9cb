package dev.sxs.lang;

import dev.sxs.kv.KvStore;

import java.util.Arrays;
import java.util.Objects;

/**
 * The state of one evaluation: the {@link Session} it runs as, the dynamic {@link Binding}s
 * ({@code $key}, {@code $data}, ...), the {@link Budget}, the call depth, and the
 * {@link Interpreter} (registry and services) it belongs to, and the local names ({@code $NAME}) bound by
 * {@code core/expr/let}, stored-function parameters and list loops.
 * <p>
 * Threading: a context is confined to one thread at a time; create one per evaluation or reuse one
 * per worker thread ({@link #reset()}). Allocation: none on the evaluation hot path.
 */
public final class Context
{
    /** Default maximum nesting of calls (and of {@code core/expr/eval}); beyond it calls fail. */
    public static final int DEFAULT_MAX_DEPTH = 256;

    private static final int BINDINGS = Binding.values().length;
    private static final int INITIAL_LOCALS = 16;

    private final Interpreter interpreter;
    private final Session session;
    private final Budget budget;
    private final Value[] bindings = new Value[BINDINGS];
    private final int maxDepth;
    private int depth;
    private String[] localNames = new String[INITIAL_LOCALS];
    private Value[] localValues = new Value[INITIAL_LOCALS];
    private int locals;
    private int frame;

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
     * The value of a local name ({@code $NAME} bound by {@code core/expr/let}, a stored function's
     * parameter, {@code $item}/{@code $index} of {@code core/list/each}), searched from the innermost
     * binding out to the start of the current function frame. Allocation: none.
     *
     * @param name the name without its {@code $}, e.g. {@code total} for {@code $total}.
     * @return the value, or null when the name is not bound in the current frame.
     */
    public Value local(final String name)
    {
        final String[] names = localNames;
        for (int i = locals - 1; i >= frame; i--)
        {
            if (name.equals(names[i]))
            {
                return localValues[i];
            }
        }
        return null;
    }

    /**
     * Bind a local name until {@link #popLocals(int)}; an inner binding of the same name hides the
     * outer one. Allocation: none, unless the local stack grows.
     *
     * @param name  the name without its {@code $}.
     * @param value the value.
     * @return the local mark to pass to {@link #popLocals(int)} (the count before this push).
     */
    public int pushLocal(final String name, final Value value)
    {
        final int mark = locals;
        if (mark == localNames.length)
        {
            localNames = Arrays.copyOf(localNames, mark * 2);
            localValues = Arrays.copyOf(localValues, mark * 2);
        }
        localNames[mark] = name;
        localValues[mark] = value;
        locals = mark + 1;
        return mark;
    }

    /**
     * Unbind every local bound since {@code mark}.
     *
     * @param mark a mark from {@link #pushLocal} (or {@link #localMark()}).
     */
    public void popLocals(final int mark)
    {
        for (int i = mark; i < locals; i++)
        {
            localValues[i] = null;
        }
        locals = mark;
    }

    /** @return the current count of locals, a mark for {@link #popLocals(int)}. */
    public int localMark()
    {
        return locals;
    }

    /**
     * Give names to locals pushed nameless ({@code pushLocal(null, value)}, invisible to {@link #local}):
     * a call evaluates its arguments first, in the caller's view, then names them as parameters.
     *
     * @param mark  the mark of the first of them.
     * @param names their names, in push order.
     */
    public void nameLocals(final int mark, final String[] names)
    {
        System.arraycopy(names, 0, localNames, mark, names.length);
    }

    /**
     * Start a function frame at {@code start}: locals bound before it are invisible until
     * {@link #leaveFrame(int)}, so a stored function sees only its own parameters and lets.
     *
     * @param start the local mark where the frame starts (its first parameter).
     * @return the previous frame start, to pass to {@link #leaveFrame(int)}.
     */
    public int enterFrame(final int start)
    {
        final int previous = frame;
        frame = start;
        return previous;
    }

    /**
     * End the frame {@link #enterFrame(int)} started.
     *
     * @param previous what {@link #enterFrame(int)} returned.
     */
    public void leaveFrame(final int previous)
    {
        frame = previous;
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
        Arrays.fill(bindings, null);
        popLocals(0);
        frame = 0;
        depth = 0;
        budget.reset();
    }
}
