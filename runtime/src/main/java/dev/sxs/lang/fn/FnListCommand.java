package dev.sxs.lang.fn;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code (core/fn/list)}: the names of the stored functions of the caller's scope, as a sequence of
 * symbols in ascending UTF-8 byte order. More names than the budget's size limit stop the script with
 * the budget's error.
 */
public final class FnListCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 0)
        {
            return args.usage("nothing");
        }
        final ErrorValue denied = Rights.read(ctx);
        if (denied != null)
        {
            return denied;
        }
        final long max = ctx.budget().maxSize();
        final List<String> names = StoredFunctions.names(ctx.store(), (int)Math.min(max + 1, Integer.MAX_VALUE));
        final ErrorValue tooBig = ctx.budget().size(names.size());
        if (tooBig != null)
        {
            return tooBig;
        }
        final List<Value> out = new ArrayList<>(names.size());
        for (final String n : names)
        {
            out.add(new SymValue(n));
        }
        return new ListValue(ListKind.SEQUENCE, out);
    }
}
