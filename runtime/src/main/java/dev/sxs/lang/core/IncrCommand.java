package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;
import dev.sxs.lang.ErrorValue;

/**
 * {@code (core/kv/incr KEY [DELTA])}: atomically add DELTA (default 1) to the integer stored under
 * KEY, an absent key counting as 0; returns the new value. Errors: the stored value is not an
 * integer, DELTA is not an integer, the sum overflows 64 bits. Atomic through the store's
 * {@code putIfAbsent}/{@code replace}, retried on contention.
 */
public final class IncrCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1 && args.size() != 2)
        {
            return args.usage("KEY [DELTA]");
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
        long delta = 1;
        if (args.size() == 2)
        {
            final Value d = args.eval(1, ctx);
            if (d.isError())
            {
                return d;
            }
            if (!(d instanceof IntValue i))
            {
                return args.error("DELTA must be an integer, got " + d.print());
            }
            delta = i.value();
        }
        final dev.sxs.kv.KvStore store = ctx.store();
        while (true)
        {
            final String current = store.get(key);
            if (current == null)
            {
                if (store.putIfAbsent(key, Long.toString(delta)))
                {
                    return IntValue.of(delta);
                }
                continue;
            }
            final Value old = StoredValues.decode(current);
            if (!(old instanceof IntValue i))
            {
                return args.error("value of '" + key + "' is not an integer: " + current);
            }
            final long sum = i.value() + delta;
            if (((i.value() ^ sum) & (delta ^ sum)) < 0)
            {
                return args.error("integer overflow: " + i.value() + " + " + delta);
            }
            if (store.replace(key, current, Long.toString(sum)))
            {
                return IntValue.of(sum);
            }
        }
    }
}
