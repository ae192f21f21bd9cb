package dev.sxs.runtime;

import java.util.List;

import dev.sxs.lang.Budget;
import dev.sxs.lang.BudgetOptions;
import dev.sxs.lang.Value;
import dev.sxs.session.SxsSession;

/**
 * Runs one script for a processor: read, compile, evaluate every top-level form under one budget.
 * <p>
 * Threading: called on a processor thread ({@code sxs-processor-N}); one call at a time per
 * processor. Failure: problems are error values in the result; an exception thrown here completes
 * the submitter's future with an error value naming it.
 */
@FunctionalInterface
public interface ScriptRunner
{
    /**
     * @param source  the script text.
     * @param session the session to run in: the one given to {@link Processors#submit}, or, for a
     *                replayed execution event, a replay session in the scope the event recorded.
     * @param budget  the budget to run under (cancelled when the submitter gives up).
     * @return one value per top-level form (a read error: one error value).
     */
    List<Value> run(String source, SxsSession session, Budget budget);

    /**
     * @return a fresh budget for the next script (the processor keeps it to cancel the script when its
     *         submitter gives up); by default the language's default limits.
     */
    default Budget newBudget()
    {
        return new Budget(BudgetOptions.DEFAULT_STEPS, BudgetOptions.DEFAULT_MILLIS);
    }
}
