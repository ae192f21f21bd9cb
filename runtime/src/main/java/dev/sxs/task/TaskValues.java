package dev.sxs.task;

import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The values {@code core/task/*} answers with, one form for the engine's own tasks ({@link LanguageTasks}) and for
 * every task on a shared store ({@link ClusterLanguageTasks}), so both read the same to a script.
 * <p>
 * Stateless; thread-safe. Allocation: the answer's values.
 */
final class TaskValues
{
    private TaskValues()
    {
    }

    /**
     * @param ctx  the caller's context.
     * @param id   the task asked for.
     * @param info what is known of it, or null.
     * @return {@code (ID STATE PC FN [RESULT-OR-ERROR])}, or the no-task error when the task is unknown or of another
     *     scope (a script cannot tell the two apart).
     */
    static Value status(final Context ctx, final long id, final TaskInfo info)
    {
        if (info == null || !info.scope().equals(ctx.session().scope()))
        {
            return noTask("status", id);
        }
        final List<Value> out = new ArrayList<>(5);
        out.add(IntValue.of(id));
        out.add(new StrValue(info.state().label()));
        out.add(IntValue.of(info.pc()));
        out.add(new SymValue(info.fn()));
        if (info.end() != null)
        {
            out.add(info.end());
        }
        return new ListValue(ListKind.SEQUENCE, out);
    }

    /**
     * @param ctx the caller's context (its budget bounds the answer's size).
     * @param ids the ids listed.
     * @return the ids as a list, or the budget's error when the list is too large.
     */
    static Value ids(final Context ctx, final List<Long> ids)
    {
        final ErrorValue tooBig = ctx.budget().size(ids.size());
        if (tooBig != null)
        {
            return tooBig;
        }
        final List<Value> out = new ArrayList<>(ids.size());
        for (final long id : ids)
        {
            out.add(IntValue.of(id));
        }
        return new ListValue(ListKind.SEQUENCE, out);
    }

    /**
     * @param state a state name a script gave to {@code core/task/list}.
     * @return the error naming the states there are.
     */
    static ErrorValue noState(final String state)
    {
        return new ErrorValue("core/task/list: no state '" + state + "' (running, paused, waiting, initialized, "
            + "done, failed, cancelled or all)");
    }

    /**
     * @param command the command's name under {@code core/task/}.
     * @param id      the task asked for.
     * @return the error for a task that is not there (or not the caller's).
     */
    static ErrorValue noTask(final String command, final long id)
    {
        return new ErrorValue("core/task/" + command + ": no task " + id);
    }
}
