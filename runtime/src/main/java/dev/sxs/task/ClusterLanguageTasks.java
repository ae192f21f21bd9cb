package dev.sxs.task;

import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.task.TaskControl;
import dev.sxs.lang.task.Wait;
import java.util.ArrayList;
import java.util.List;

/**
 * The language's side of the tasks on a store several runtimes share: {@code core/task/status}, {@code resume},
 * {@code cancel} and {@code list} reach every task of the caller's scope in the store, whichever runtime owns it
 * ({@link ClusterTasks}); a resume or cancel of another runtime's task answers {@code true} once the request is in the
 * store (its owner applies it). Everything else is the engine's own {@link TaskControl}.
 * <p>
 * Threading: thread-safe, stateless beyond its parts. Failure: a store failure passes (the evaluator makes it an
 * error value naming the command).
 */
final class ClusterLanguageTasks implements TaskControl
{
    private final TaskControl local;
    private final ClusterTasks tasks;

    /**
     * @param local the engine's own control.
     * @param tasks the tasks of every runtime on the store.
     */
    ClusterLanguageTasks(final TaskControl local, final ClusterTasks tasks)
    {
        this.local = local;
        this.tasks = tasks;
    }

    @Override
    public Value spawn(final Context ctx, final String frame, final String fn, final List<Value> args,
        final boolean start)
    {
        return local.spawn(ctx, frame, fn, args, start);
    }

    @Override
    public Value status(final Context ctx, final long id)
    {
        final TaskInfo info = tasks.info(id);
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

    @Override
    public Value resume(final Context ctx, final long id)
    {
        return inScope(ctx, id) ? answer("resume", id, tasks.resume(id)) : noTask("resume", id);
    }

    @Override
    public Value cancel(final Context ctx, final long id)
    {
        return inScope(ctx, id) ? answer("cancel", id, tasks.cancel(id)) : noTask("cancel", id);
    }

    @Override
    public Value list(final Context ctx, final String state, final long offset, final int limit)
    {
        final TaskState wanted = state == null ? null : TaskState.of(state);
        if (state != null && wanted == null)
        {
            return new ErrorValue("core/task/list: no state '" + state + "' (running, paused, waiting, initialized, "
                + "done, failed, cancelled or all)");
        }
        final List<Long> ids = tasks.ids(ctx.session().scope(), wanted, offset, limit);
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

    @Override
    public Value step(final Context ctx, final long id, final long pc)
    {
        return local.step(ctx, id, pc);
    }

    @Override
    public Value suspend(final Context ctx, final Wait wait)
    {
        return local.suspend(ctx, wait);
    }

    @Override
    public Value call(final Context ctx, final String fn, final List<Value> args)
    {
        return local.call(ctx, fn, args);
    }

    @Override
    public Value shared(final Context ctx, final Body body)
    {
        return local.shared(ctx, body);
    }

    @Override
    public Value frame(final Context ctx)
    {
        return local.frame(ctx);
    }

    /** @return true when the task exists and belongs to the caller's scope (the index's word for it). */
    private boolean inScope(final Context ctx, final long id)
    {
        return ctx.session().scope().equals(tasks.scope(id));
    }

    private static Value answer(final String command, final long id, final ControlOutcome outcome)
    {
        return outcome == ControlOutcome.NO_TASK ? noTask(command, id) : SymValue.of(outcome.accepted());
    }

    private static ErrorValue noTask(final String command, final long id)
    {
        return new ErrorValue("core/task/" + command + ": no task " + id);
    }
}
