package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/util/now)}: wall-clock time in epoch milliseconds.
 */
public final class NowCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 0)
        {
            return args.usage("no arguments");
        }
        return IntValue.of(System.currentTimeMillis());
    }
}
