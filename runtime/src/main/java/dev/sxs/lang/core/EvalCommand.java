package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/expr/eval TEXT)}: read TEXT (a string) and evaluate its forms in the caller's
 * context (same session, bindings and budget), in order, stopping at the first error. Returns the
 * last form's value ({@code ()} for no forms), the first error, or the read error. Nesting counts
 * against the context's depth limit, so runaway recursion is an error value, not a crash.
 */
public final class EvalCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 1)
        {
            return args.usage("TEXT");
        }
        final Value t = args.eval(0, ctx);
        if (t.isError())
        {
            return t;
        }
        if (!(t instanceof StrValue text))
        {
            return args.error("TEXT must be a string, got " + Printer.print(t));
        }
        return ctx.interpreter().compileCached(text.text()).runAsBody(ctx);
    }
}
