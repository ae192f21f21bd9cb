package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

/**
 * {@code (core/kv/cas KEY EXPECTED NEW)}: atomically replace the value with NEW when the current
 * value equals EXPECTED (equal canonical forms); {@code true} if replaced, {@code false} if the
 * value differed or the key was absent.
 */
public final class CasCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 3)
        {
            return args.usage("KEY EXPECTED NEW");
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
        final Value expected = args.eval(1, ctx);
        if (expected.isError())
        {
            return expected;
        }
        final Value value = args.eval(2, ctx);
        final ErrorValue bad = Storable.check(args, 2, value);
        if (bad != null)
        {
            return bad;
        }
        return SymValue.of(ctx.store().replace(key, StoredValues.encode(expected), StoredValues.encode(value)));
    }
}
