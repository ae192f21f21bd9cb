package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;
import dev.sxs.lang.ErrorValue;

/**
 * {@code (core/kv/exists KEY)}: {@code true} when the key is present, else {@code false}.
 */
public final class ExistsCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("KEY");
        }
        final ErrorValue denied = Rights.read(ctx);
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
        return SymValue.of(ctx.store().containsKey(key));
    }
}
