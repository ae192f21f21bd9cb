package dev.sxs.lang.task;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.Value;

/**
 * {@code (core/task/shared {BODY})}, inside a task's step: run BODY with {@code core/kv/*} reaching the
 * spawning scope's keys (written at once, not with the step's commit: at least once per step) instead of
 * the frame; locals stay visible. {@code (core/task/frame)}: the current frame's key prefix as seen from
 * the spawning scope (e.g. {@code "task:7:"} or {@code "task:7:stack:0:"}).
 */
final class SharedCommand implements Command
{
    private final boolean frameOnly;

    /** @param frameOnly true for {@code core/task/frame}. */
    SharedCommand(final boolean frameOnly)
    {
        this.frameOnly = frameOnly;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (frameOnly ? args.size() != 0 : args.size() != 1 || args.body(0) == null)
        {
            return args.usage(frameOnly ? "nothing" : "{BODY}");
        }
        final TaskControl control = TaskArgs.control(ctx);
        if (control == null)
        {
            return TaskArgs.noTasks(args);
        }
        return frameOnly ? control.frame(ctx) : control.shared(ctx, args.body(0));
    }
}
