package dev.sxs.lang.probe;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.lang.Args;
import dev.sxs.lang.Command;
import dev.sxs.lang.Context;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.Value;

/**
 * {@code (core/probe/list)}: the probes that are on, one list each
 * ({@code [CLASS METHOD CHANNEL TOPIC METHODS HITS PUBLISHED DROPPED CAPPED SESSION]}, {@link ProbeInfo#toValue}).
 */
final class ProbeListCommand implements Command
{
    @Override
    public Value invoke(final Args args, final Context ctx)
    {
        if (args.size() != 0)
        {
            return args.usage("no arguments");
        }
        final ProbeRegistry registry = ProbeCommands.registry(ctx);
        if (registry == null)
        {
            return ProbeCommands.unavailable(args);
        }
        final List<Value> out = new ArrayList<>();
        for (final ProbeInfo info : registry.list())
        {
            out.add(info.toValue());
        }
        return new ListValue(ListKind.SEQUENCE, out);
    }
}
