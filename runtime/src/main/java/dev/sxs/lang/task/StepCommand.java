package dev.sxs.lang.task;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/task/step ID PC)}: the script the task engine submits through the gateway for each step. It
 * runs step PC of task ID when that is the step the engine is waiting on, and does nothing otherwise (a
 * replayed or repeated submission): {@code true} when it ran, {@code false} when stale.
 */
final class StepCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("ID PC");
        }
        final TaskControl control = TaskArgs.control(ctx);
        if (control == null)
        {
            return TaskArgs.noTasks(args);
        }
        final Value id = args.eval(0, ctx);
        final Value pc = args.eval(1, ctx);
        if (!(id instanceof IntValue i) || !(pc instanceof IntValue p))
        {
            return args.error("expects integers ID PC");
        }
        return control.step(ctx, i.value(), p.value());
    }
}
