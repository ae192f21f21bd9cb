package dev.sxs.lang.core;

import dev.sxs.kv.KeyText;
import dev.sxs.lang.Args;
import dev.sxs.lang.Binding;
import dev.sxs.lang.Body;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.Rights;

import java.util.List;

/**
 * {@code (core/kv/iterate PREFIX OFFSET LIMIT {BODY})}: run BODY once per key of the scope that
 * starts with PREFIX, in ascending UTF-8 byte order, skipping OFFSET keys and visiting at most
 * LIMIT, with {@code $key} bound to the key (scope removed, as a string). The key set is taken when
 * the iteration starts, so BODY may add or delete keys. An error in BODY stops the iteration and is
 * returned; otherwise returns the number of keys visited. Each key visited costs one budget step.
 * {@link HiddenKeys Hidden keys} (stored functions) are never visited nor counted.
 */
public final class IterateCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 4 || args.body(3) == null)
        {
            return args.usage("PREFIX OFFSET LIMIT {BODY}");
        }
        final ErrorValue denied = Rights.read(ctx);
        if (denied != null)
        {
            return denied;
        }
        final Value p = args.eval(0, ctx);
        if (p.isError())
        {
            return p;
        }
        final String prefix = Keys.text(p);
        if (prefix == null)
        {
            return Keys.badType(args, "PREFIX", p);
        }
        if (HiddenKeys.isHidden(prefix))
        {
            return Keys.hidden(args, "PREFIX");
        }
        final String badPrefix = KeyText.problem("PREFIX", prefix);
        if (badPrefix != null)
        {
            return args.error(badPrefix);
        }
        final Value o = args.eval(1, ctx);
        if (o.isError())
        {
            return o;
        }
        if (!(o instanceof IntValue offset) || offset.value() < 0)
        {
            return args.error("OFFSET must be an integer >= 0, got " + Printer.print(o));
        }
        final Value l = args.eval(2, ctx);
        if (l.isError())
        {
            return l;
        }
        if (!(l instanceof IntValue limit) || limit.value() < 0)
        {
            return args.error("LIMIT must be an integer >= 0, got " + Printer.print(l));
        }
        final Body body = args.body(3);
        final List<String> keys = HiddenKeys.visible(ctx.store(), prefix, offset.value(),
            (int)Math.min(limit.value(), Integer.MAX_VALUE));
        final Value previous = ctx.binding(Binding.KEY);
        try
        {
            long visited = 0;
            for (final String key : keys)
            {
                final ErrorValue over = ctx.budget().step();
                if (over != null)
                {
                    return over;
                }
                ctx.bind(Binding.KEY, new StrValue(key));
                final Value result = body.run(ctx);
                if (result.isError())
                {
                    return result;
                }
                visited++;
            }
            return IntValue.of(visited);
        }
        finally
        {
            ctx.bind(Binding.KEY, previous);
        }
    }
}
