package dev.sxs.lang.fn;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

/**
 * {@code (core/fn/call NAME ARG ...)}: evaluate NAME (like a KEY: a bare symbol names itself) and the
 * ARGs in the caller's view, then run the stored
 * function NAME of the caller's scope with each {@code $PARAM} bound to its ARG; gives the body's value.
 * The body sees its parameters and its own lets only, not the caller's locals; the store, the context's
 * bindings ({@code $key}, {@code $data}) and the budget are the caller's. Each call is one level of
 * nesting, so unbounded recursion ends with {@code @"nesting too deep: ..."}. Errors: no such function,
 * wrong number of ARGs, an ARG's error (propagated). Each call site caches the function it resolved
 * (checked against {@link StoredFunctions#generation()}), so a repeated call does no map lookup.
 * Allocation on a cached call: none.
 */
public final class CallCommand implements Command
{
    private final StoredFunctions functions;

    CallCommand(final StoredFunctions functions)
    {
        this.functions = functions;
    }

    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() < 1)
        {
            return args.usage("NAME ARG ...");
        }
        final ErrorValue denied = Rights.read(ctx);
        if (denied != null)
        {
            return denied;
        }
        final Object name = FnNames.name(args, ctx);
        if (name instanceof ErrorValue e)
        {
            return e;
        }
        final Function fn = resolve(args, ctx, (String)name);
        if (fn == null)
        {
            return args.error("no function '" + name + "'");
        }
        final String[] params = fn.params();
        if (params.length != args.size() - 1)
        {
            return args.error("'" + name + "' expects " + params.length + " arguments (" + String.join(" ", params)
                + "), got " + (args.size() - 1));
        }
        final int mark = ctx.localMark();
        try
        {
            for (int i = 0; i < params.length; i++)
            {
                final Value v = args.eval(i + 1, ctx);
                if (v.isError())
                {
                    return v;
                }
                ctx.pushLocal(null, v);
            }
            ctx.nameLocals(mark, params);
            final int frame = ctx.enterFrame(mark);
            try
            {
                return fn.body().run(ctx);
            }
            finally
            {
                ctx.leaveFrame(frame);
            }
        }
        finally
        {
            ctx.popLocals(mark);
        }
    }

    /**
     * The function NAME of the caller's scope, from the call site's cache when it is still valid (same name,
     * same scope, no function defined or deleted since, no command registered since), else looked up and
     * cached.
     *
     * @return the function, or null when the scope has none of that name.
     */
    private Function resolve(final Args args, final Context ctx, final String name)
    {
        final String scope = ctx.session().scope();
        final long generation = functions.generation();
        if (args.site() instanceof Site site && site.generation == generation && site.name.equals(name)
            && site.scope.equals(scope) && site.fn.version() == ctx.interpreter().registry().version())
        {
            return site.fn;
        }
        final Function fn = functions.find(ctx, name);
        if (fn != null)
        {
            args.site(new Site(name, scope, fn, generation));
        }
        return fn;
    }

    /** What a call site caches: the function it resolved, by which name, in which scope, at which generation. */
    private record Site(String name, String scope, Function fn, long generation)
    {
    }
}
