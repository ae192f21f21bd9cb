package dev.sxs.lang.task;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.Value;
import java.util.List;

/**
 * {@code (core/task/call FN ARG ...)}, inside a task's step: push the child frame {@code stack:N:} (N the
 * call depth from 0), store the arguments there as {@code arg:NAME}, run the stored function FN of the
 * spawning scope to completion with {@code core/kv/*} working in that frame, pop it (its keys are deleted),
 * and give the function's value.
 */
final class TaskCallCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() < 1)
        {
            return args.usage("FN ARG ...");
        }
        final TaskControl control = TaskArgs.control(ctx);
        if (control == null)
        {
            return TaskArgs.noTasks(args);
        }
        final Object fn = TaskArgs.name(args, 0, ctx, "FN");
        if (fn instanceof Value error)
        {
            return error;
        }
        final Object values = TaskArgs.values(args, 1, ctx);
        if (values instanceof Value error)
        {
            return error;
        }
        @SuppressWarnings("unchecked")
        final List<Value> list = (List<Value>)values;
        return control.call(ctx, (String)fn, list);
    }
}
