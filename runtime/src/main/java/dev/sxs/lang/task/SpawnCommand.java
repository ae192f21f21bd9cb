package dev.sxs.lang.task;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Rights;
import dev.sxs.lang.Value;
import java.util.List;

/**
 * {@code (core/task/spawn FN ARG ...)}: start a task running the stored function FN of the caller's scope
 * with frame {@code task:<id>:}; gives its id. {@code (core/task/new FRAME FN ARG ...)}: make one whose
 * frame is the key prefix FRAME (ending with {@code :}, holding no keys yet), left {@code initialized}
 * until {@code core/task/resume}. Threading: any evaluation thread.
 */
final class SpawnCommand implements Command
{
    private final boolean withFrame;

    /** @param withFrame true for {@code core/task/new} (FRAME first, not started). */
    SpawnCommand(final boolean withFrame)
    {
        this.withFrame = withFrame;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        final int first = withFrame ? 1 : 0;
        if (args.size() < first + 1)
        {
            return args.usage(withFrame ? "FRAME FN ARG ..." : "FN ARG ...");
        }
        final TaskControl control = TaskArgs.control(ctx);
        if (control == null)
        {
            return TaskArgs.noTasks(args);
        }
        final ErrorValue denied = Rights.write(ctx); // a spawn writes the task's frame in this scope
        if (denied != null)
        {
            return denied;
        }
        String frame = null;
        if (withFrame)
        {
            final Object f = TaskArgs.name(args, 0, ctx, "FRAME");
            if (f instanceof Value error)
            {
                return error;
            }
            frame = (String)f;
            if (!frame.endsWith(":"))
            {
                return args.error("FRAME must end with ':', got " + frame);
            }
        }
        final Object fn = TaskArgs.name(args, first, ctx, "FN");
        if (fn instanceof Value error)
        {
            return error;
        }
        final Object values = TaskArgs.values(args, first + 1, ctx);
        if (values instanceof Value error)
        {
            return error;
        }
        @SuppressWarnings("unchecked")
        final List<Value> list = (List<Value>)values;
        return control.spawn(ctx, frame, (String)fn, list, !withFrame);
    }
}
