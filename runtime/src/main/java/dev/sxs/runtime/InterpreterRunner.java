package dev.sxs.runtime;

import java.util.List;

import dev.sxs.lang.Budget;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.Value;
import dev.sxs.session.SxsSession;

/**
 * The {@link ScriptRunner} of a runtime's processors: runs each script with the runtime's interpreter in the
 * session's context, under a budget of the interpreter's configured limits.
 * <p>
 * Threading: called on processor threads, any number at once (the interpreter is thread-safe). Allocation: none
 * of its own. Failure: the interpreter's (problems are error values).
 */
final class InterpreterRunner implements ScriptRunner
{
    private final Interpreter interpreter;

    /** @param interpreter the runtime's interpreter. */
    InterpreterRunner(final Interpreter interpreter)
    {
        this.interpreter = interpreter;
    }

    @Override
    public List<Value> run(final String source, final SxsSession session, final Budget budget)
    {
        return interpreter.eval(source, session.context(), budget);
    }

    @Override
    public Budget newBudget()
    {
        return interpreter.newBudget();
    }
}
