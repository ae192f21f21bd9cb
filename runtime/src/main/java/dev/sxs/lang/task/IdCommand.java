package dev.sxs.lang.task;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.Value;

/**
 * The control commands that take one task id: {@code (core/task/status ID)}, {@code (core/task/resume ID)},
 * {@code (core/task/cancel ID)}. A task is reachable only from the scope that spawned it.
 */
final class IdCommand implements Command
{
    /** What the command does with the id. */
    enum Op
    {
        /** {@link TaskControl#status}. */
        STATUS,
        /** {@link TaskControl#resume}. */
        RESUME,
        /** {@link TaskControl#cancel}. */
        CANCEL
    }

    private final Op op;

    /** @param op what to do. */
    IdCommand(final Op op)
    {
        this.op = op;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("ID");
        }
        final TaskControl control = TaskArgs.control(ctx);
        if (control == null)
        {
            return TaskArgs.noTasks(args);
        }
        final Object id = TaskArgs.id(args, 0, ctx);
        if (id instanceof Value error)
        {
            return error;
        }
        final long n = (Long)id;
        return switch (op)
        {
            case STATUS -> control.status(ctx, n);
            case RESUME -> control.resume(ctx, n);
            case CANCEL -> control.cancel(ctx, n);
        };
    }
}
