package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

/**
 * {@code (core/kv/get KEY)}: the stored value, or {@code @"key not found: KEY"}.
 */
public final class GetCommand implements Command
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
        final String text = ctx.store().get(key);
        if (text == null)
        {
            return new ErrorValue("key not found: " + key);
        }
        final Value value = StoredValues.decode(text);
        return value.isError() ? args.error("stored value of '" + key + "' does not read: "
            + ((ErrorValue)value).message()) : value;
    }
}
