package dev.sxs.lang.core;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/util/log ARG...)}: write one line to the session's log: the evaluated arguments,
 * strings without quotes and everything else in canonical form, joined by single spaces. Returns
 * {@code true}; an argument that evaluates to an error is returned and nothing is logged.
 */
public final class LogCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        final StringBuilder line = new StringBuilder();
        for (int i = 0; i < args.size(); i++)
        {
            final Value v = args.eval(i, ctx);
            if (v.isError())
            {
                return v;
            }
            if (i > 0)
            {
                line.append(' ');
            }
            if (v instanceof StrValue s)
            {
                line.append(s.text());
            }
            else
            {
                Printer.print(v, line);
            }
        }
        ctx.log(line.toString());
        return SymValue.TRUE;
    }
}
