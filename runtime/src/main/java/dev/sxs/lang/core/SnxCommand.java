package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

/**
 * {@code (core/kv/snx KEY VALUE)}: store VALUE only if KEY is absent, atomically; {@code true} if
 * stored, {@code false} if the key existed.
 */
public final class SnxCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("KEY VALUE");
        }
        final ErrorValue denied = Rights.readWrite(ctx);
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
        final Value value = args.eval(1, ctx);
        final ErrorValue bad = Storable.check(args, 1, value);
        if (bad != null)
        {
            return bad;
        }
        return SymValue.of(ctx.store().putIfAbsent(key, StoredValues.encode(value)));
    }
}
