package dev.sxs.lang;

import java.util.List;
import java.util.Objects;

/**
 * An sxs interpreter: a {@link CommandRegistry}, the runtime {@link Services} commands may use, and
 * the {@link BudgetOptions} each evaluation gets. Evaluates source text or compiled {@link Script}s in a
 * {@link Session}.
 * <p>
 * Threading: thread-safe; each evaluation gets its own {@link Context}. Failure: never throws from
 * {@code eval}/{@code run}: every problem is an error value.
 */
public final class Interpreter
{
    private final CommandRegistry registry;
    private final Services services;
    private final BudgetOptions budget;
    private final Compiler compiler;
    private final ScriptCache cache;
    private final EvaluationStats stats = new EvaluationStats();

    /**
     * @param registry the commands (register more at any time before compiling scripts using them).
     * @param services runtime services reachable through {@link Context#service(Class)}.
     * @param budget   the limits of each evaluation.
     */
    public Interpreter(final CommandRegistry registry, final Services services, final BudgetOptions budget)
    {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.services = Objects.requireNonNull(services, "services");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.compiler = new Compiler(registry);
        this.cache = new ScriptCache(compiler);
    }

    /** @return the command registry. */
    public CommandRegistry registry()
    {
        return registry;
    }

    /** @return the runtime services. */
    public Services services()
    {
        return services;
    }

    /** @return the compiler bound to this interpreter's registry. */
    public Compiler compiler()
    {
        return compiler;
    }

    /**
     * Read and compile a source text once, to run it many times.
     *
     * @param source the text.
     * @return the script (holding the read error if any).
     */
    public Script compile(final String source)
    {
        return Script.compile(source, compiler);
    }

    /**
     * Like {@link #compile(String)}, through a small bounded cache by text: for texts evaluated
     * again and again ({@code core/expr/eval} in a handler body).
     *
     * @param source the text.
     * @return the script, possibly shared with earlier callers (scripts are immutable).
     */
    public Script compileCached(final String source)
    {
        return cache.get(source);
    }

    /**
     * Compile the forms of a block into a body.
     *
     * @param block the block.
     * @return the body.
     */
    public Body compileBody(final ListValue block)
    {
        return compiler.compileBody(block);
    }

    /**
     * @return a fresh budget of the configured limits ({@code budget.steps}, {@code budget.millis},
     *         {@code budget.size}).
     */
    public Budget newBudget()
    {
        return new Budget(budget.steps(), budget.millis(), budget.size(), stats);
    }

    /**
     * @return counters of the evaluations this interpreter ran and of budget overruns.
     */
    public EvaluationStats stats()
    {
        return stats;
    }

    /**
     * A fresh context for one evaluation, with a fresh budget and no bindings.
     *
     * @param session who the evaluation runs as.
     * @return the context.
     */
    public Context newContext(final Session session)
    {
        return new Context(this, session, newBudget());
    }

    /**
     * Read, compile and evaluate a source text under one fresh budget.
     *
     * @param source  the text.
     * @param session who it runs as.
     * @return one value per top-level form, or a single read error.
     */
    public List<Value> eval(final String source, final Session session)
    {
        return run(compile(source), session);
    }

    /**
     * Read, compile and evaluate a source text under a budget the caller made ({@link #newBudget()}) and
     * may cancel from another thread ({@link Budget#cancel}).
     *
     * @param source  the text.
     * @param session who it runs as.
     * @param budget  the budget; spent by this run only.
     * @return one value per top-level form, or a single read error.
     */
    public List<Value> eval(final String source, final Session session, final Budget budget)
    {
        return compile(source).run(new Context(this, session, budget));
    }

    /**
     * Run a compiled script under one fresh budget.
     *
     * @param script  the script.
     * @param session who it runs as.
     * @return one value per top-level form, or a single read error.
     */
    public List<Value> run(final Script script, final Session session)
    {
        return script.run(newContext(session));
    }
}
