package dev.sxs.task;

import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.task.TaskControl;
import dev.sxs.lang.task.Wait;
import dev.sxs.session.Origin;
import dev.sxs.session.Principal;
import java.util.List;

/**
 * The language's side of the engine ({@link TaskControl}): a script reaches only the tasks of its own scope,
 * spawns as the principal of its session, and gets values and error values back.
 * <p>
 * Threading: thread-safe, stateless beyond its parts.
 */
final class LanguageTasks implements TaskControl
{
    private final TaskEngine engine;
    private final Steps steps;

    LanguageTasks(final TaskEngine engine, final Steps steps)
    {
        this.engine = engine;
        this.steps = steps;
    }

    @Override
    public Value spawn(final Context ctx, final String frame, final String fn, final List<Value> args,
        final boolean start)
    {
        // the steps run as the spawning entity (EntityMapping maps origin task to the principal's name), so a
        // task can never do more than the script that spawned it
        final Principal principal = new Principal(Origin.TASK, ctx.session().access().entity().id());
        return engine.spawn(ctx.session().scope(), principal, frame, fn, args, start);
    }

    @Override
    public Value status(final Context ctx, final long id)
    {
        return TaskValues.status(ctx, id, engine.info(id));
    }

    @Override
    public Value resume(final Context ctx, final long id)
    {
        return own(ctx, id) ? SymValue.of(engine.resume(id) == ControlOutcome.APPLIED)
            : TaskValues.noTask("resume", id);
    }

    @Override
    public Value cancel(final Context ctx, final long id)
    {
        return own(ctx, id) ? SymValue.of(engine.cancel(id) == ControlOutcome.APPLIED)
            : TaskValues.noTask("cancel", id);
    }

    @Override
    public Value list(final Context ctx, final String state, final long offset, final int limit)
    {
        final TaskState wanted = state == null ? null : TaskState.of(state);
        if (state != null && wanted == null)
        {
            return TaskValues.noState(state);
        }
        return TaskValues.ids(ctx, engine.list(ctx.session().scope(), wanted, offset, limit).stream()
            .map(TaskInfo::id).toList());
    }

    @Override
    public Value step(final Context ctx, final long id, final long pc)
    {
        final Task task = engine.task(id);
        return task == null ? SymValue.FALSE : steps.run(ctx, task, pc);
    }

    @Override
    public Value suspend(final Context ctx, final Wait wait)
    {
        return steps.suspend(ctx, wait);
    }

    @Override
    public Value call(final Context ctx, final String fn, final List<Value> args)
    {
        return steps.call(ctx, fn, args);
    }

    @Override
    public Value shared(final Context ctx, final Body body)
    {
        return steps.shared(ctx, body);
    }

    @Override
    public Value frame(final Context ctx)
    {
        return steps.frame(ctx);
    }

    private boolean own(final Context ctx, final long id)
    {
        final TaskInfo info = engine.info(id);
        return info != null && info.scope().equals(ctx.session().scope());
    }
}
