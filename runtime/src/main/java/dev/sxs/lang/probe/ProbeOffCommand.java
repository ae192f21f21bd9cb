package dev.sxs.lang.probe;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/probe/off CLASS METHOD)}: remove the probe installed with exactly these patterns (whichever
 * session installed it) and restore the original bytecode of the classes it changed. Gives 1 when a probe
 * was removed, 0 when none was on.
 */
final class ProbeOffCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 2)
        {
            return args.usage("CLASS METHOD");
        }
        final ErrorValue denied = ProbeCommands.notAdmin(ctx);
        if (denied != null)
        {
            return denied;
        }
        final ProbeRegistry registry = ProbeCommands.registry(ctx);
        if (registry == null)
        {
            return ProbeCommands.unavailable(args);
        }
        final Value classes = args.eval(0, ctx);
        if (classes.isError())
        {
            return classes;
        }
        final Value methods = args.eval(1, ctx);
        if (methods.isError())
        {
            return methods;
        }
        final String c = ProbeCommands.text(classes);
        final String m = ProbeCommands.text(methods);
        if (c == null || m == null)
        {
            return args.usage("CLASS METHOD (both names)");
        }
        return IntValue.of(registry.off(c, m));
    }
}
