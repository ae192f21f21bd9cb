package dev.sxs.lang.fn;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

/**
 * {@code (core/fn/del NAME)}: remove the stored function NAME (evaluated like a KEY) from the caller's
 * scope; {@code true} if it existed, {@code false} if not.
 */
public final class FnDelCommand implements Command
{
    private final StoredFunctions functions;

    FnDelCommand(final StoredFunctions functions)
    {
        this.functions = functions;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("NAME");
        }
        final ErrorValue denied = Rights.write(ctx);
        if (denied != null)
        {
            return denied;
        }
        final Object name = FnNames.name(args, ctx);
        if (name instanceof ErrorValue e)
        {
            return e;
        }
        return SymValue.of(functions.delete(ctx, (String)name));
    }
}
