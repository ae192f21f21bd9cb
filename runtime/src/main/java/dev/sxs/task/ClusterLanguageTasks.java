package dev.sxs.task;

import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.task.TaskControl;
import dev.sxs.lang.task.Wait;
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
        return TaskValues.status(ctx, id, tasks.info(id));
    }

    @Override
    public Value resume(final Context ctx, final long id)
    {
        return inScope(ctx, id) ? answer("resume", id, tasks.resume(id)) : TaskValues.noTask("resume", id);
    }

    @Override
    public Value cancel(final Context ctx, final long id)
    {
        return inScope(ctx, id) ? answer("cancel", id, tasks.cancel(id)) : TaskValues.noTask("cancel", id);
    }

    @Override
    public Value list(final Context ctx, final String state, final long offset, final int limit)
    {
        final TaskState wanted = state == null ? null : TaskState.of(state);
        if (state != null && wanted == null)
        {
            return TaskValues.noState(state);
        }
        return TaskValues.ids(ctx, tasks.ids(ctx.session().scope(), wanted, offset, limit));
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
        return outcome == ControlOutcome.NO_TASK ? TaskValues.noTask(command, id) : SymValue.of(outcome.accepted());
    }
}
