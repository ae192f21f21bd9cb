package dev.sxs.lang.task;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;

/**
 * {@code (core/task/list [STATE [OFFSET LIMIT]])}: the ids of the caller's scope's tasks, ascending; STATE
 * ({@code running}, {@code paused}, {@code waiting}, {@code initialized}, {@code done}, {@code failed},
 * {@code cancelled}, or {@code all}) selects, OFFSET ids are skipped, at most LIMIT (default 100) given.
 */
final class ListCommand implements Command
{
    private static final int DEFAULT_LIMIT = 100;

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 0 && args.size() != 1 && args.size() != 3)
        {
            return args.usage("[STATE [OFFSET LIMIT]]");
        }
        final TaskControl control = TaskArgs.control(ctx);
        if (control == null)
        {
            return TaskArgs.noTasks(args);
        }
        String state = null;
        if (args.size() > 0)
        {
            final Object s = TaskArgs.name(args, 0, ctx, "STATE");
            if (s instanceof Value error)
            {
                return error;
            }
            state = "all".equals(s) ? null : (String)s;
        }
        long offset = 0;
        long limit = DEFAULT_LIMIT;
        if (args.size() == 3)
        {
            final Value o = args.eval(1, ctx);
            final Value l = args.eval(2, ctx);
            if (o.isError() || l.isError())
            {
                return o.isError() ? o : l;
            }
            if (!(o instanceof IntValue on) || on.value() < 0 || !(l instanceof IntValue ln) || ln.value() < 0)
            {
                return args.error("OFFSET and LIMIT must be integers of 0 or more, got " + Printer.print(o) + " "
                    + Printer.print(l));
            }
            offset = on.value();
            limit = ln.value();
        }
        return control.list(ctx, state, offset, (int)Math.min(limit, Integer.MAX_VALUE));
    }
}
