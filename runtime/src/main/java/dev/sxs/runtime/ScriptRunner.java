package dev.sxs.runtime;

import java.util.List;

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
     * @return one value per top-level form (a read error: one error value).
     */
    List<Value> run(String source, SxsSession session);
}
