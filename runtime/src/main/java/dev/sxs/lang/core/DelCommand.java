package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;
import dev.sxs.lang.ErrorValue;

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
        final ErrorValue denied = Rights.write(ctx);
        if (denied != null)
        {
            return denied;
        }
        final Value keyArg = args.eval(0, ctx);
        final String key = Keys.keyOf(keyArg);
        if (key == null)
        {
            return Keys.invalid(args, keyArg);
        }
        return SymValue.of(ctx.store().remove(key));
    }
}
