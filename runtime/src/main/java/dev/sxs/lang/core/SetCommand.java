package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

/**
 * {@code (core/kv/set KEY VALUE)}: store VALUE under KEY; returns {@code true}. An error value
 * cannot be stored: an error produced by evaluating VALUE propagates, an error written literally
 * (or inside a quoted list) gives {@code @"core/kv/set: cannot store an error"}.
 */
public final class SetCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("KEY VALUE");
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
        final Value value = args.eval(1, ctx);
        final ErrorValue bad = Storable.check(args, 1, value);
        if (bad != null)
        {
            return bad;
        }
        ctx.store().put(key, StoredValues.encode(value));
        return SymValue.TRUE;
    }
}
