package dev.sxs.lang.fn;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.expr.LetCommand;
import dev.sxs.lang.Rights;

import java.util.List;

/**
 * {@code (core/fn/def NAME (PARAM ...) {BODY})}: store the function NAME in the caller's scope, replacing
 * any function of that name; gives {@code true}. NAME is evaluated like a KEY (a bare symbol names
 * itself; a string or a bound {@code $name} work too); the PARAMs are symbols (bare, as
 * {@code core/expr/let}'s NAME, distinct) and BODY a block, neither evaluated. The function survives
 * restarts and is callable by {@code core/fn/call} from any later script, handler or task of the scope.
 */
public final class DefCommand implements Command
{
    private final StoredFunctions functions;

    DefCommand(final StoredFunctions functions)
    {
        this.functions = functions;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 3 || args.body(2) == null)
        {
            return args.usage("NAME (PARAM ...) {BODY}");
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
        if (!(args.form(1) instanceof ListValue list) || list.kind() == ListKind.BLOCK)
        {
            return args.error("PARAMS must be a list of symbols such as (a b), got " + Printer.print(args.form(1)));
        }
        final List<Value> items = list.items();
        final String[] params = new String[items.size()];
        for (int i = 0; i < params.length; i++)
        {
            if (!(items.get(i) instanceof SymValue s))
            {
                return args.error("PARAM must be a symbol, got " + Printer.print(items.get(i)));
            }
            final Object p = LetCommand.checkName(args, s.name(), "PARAM");
            if (p instanceof ErrorValue e)
            {
                return e;
            }
            for (int j = 0; j < i; j++)
            {
                if (params[j].equals(p))
                {
                    return args.error("PARAM '" + p + "' appears twice");
                }
            }
            params[i] = (String)p;
        }
        functions.define(ctx, (String)name, params, (ListValue)args.form(2));
        return SymValue.TRUE;
    }
}
