package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/kv/del KEY)}: delete; {@code true} if a key was removed, {@code false} if absent.
 */
public final class DelCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("KEY");
        }
        final Object evaluated = Keys.evaluate(args, 0, ctx);
        if (!(evaluated instanceof String key))
        {
            return (Value)evaluated;
        }
        return SymValue.of(ctx.store().remove(key));
    }
}
