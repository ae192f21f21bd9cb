package dev.sxs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sxs.jmx.SxsManagement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sxs probe PID on CLASS METHOD CHANNEL TOPIC [OPTIONS] | off CLASS METHOD | list}: the probes of the sxs in
 * a JVM. {@code on} and {@code off} evaluate {@code core/probe/on} / {@code off} there (a fresh session, which
 * owns the probe and stays open while it is on); {@code list} prints the {@code dev.sxs:type=Probes} lines.
 */
@Command(name = "probe", description = {
    "Probe methods of a JVM's own classes: each call becomes an event (docs/probes.md).",
    "  on CLASS METHOD CHANNEL TOPIC [OPTIONS]   prints the methods instrumented so far",
    "  off CLASS METHOD                          prints 1 when a probe was removed, 0 when none was on",
    "  list                                      one line per probe: CLASS METHOD CHANNEL TOPIC methods= hits= "
        + "published= dropped= capped= session="})
final class ProbeCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Parameters(index = "1", paramLabel = "on|off|list", description = "what to do")
    String action;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "CLASS METHOD [CHANNEL TOPIC [OPTIONS]]")
    List<String> args = List.of();

    @Override
    public Integer call()
    {
        final String script = script();
        final PrintWriter out = spec.commandLine().getOut();
        try (RuntimeClient client = target.connect())
        {
            if (script == null)
            {
                return list(client, out);
            }
            return Results.print(client.eval(script, null), out);
        }
    }

    private String script()
    {
        switch (action)
        {
            case "on":
                if (args.size() != 4 && args.size() != 5)
                {
                    throw new ParameterException(spec.commandLine(), "on needs CLASS METHOD CHANNEL TOPIC [OPTIONS]");
                }
                return "(core/probe/on " + quote(args.get(0)) + " " + quote(args.get(1)) + " " + quote(args.get(2))
                    + " " + topic(args.get(3)) + (args.size() == 5 ? " " + quote(args.get(4)) : "") + ")";
            case "off":
                if (args.size() != 2)
                {
                    throw new ParameterException(spec.commandLine(), "off needs CLASS METHOD");
                }
                return "(core/probe/off " + quote(args.get(0)) + " " + quote(args.get(1)) + ")";
            case "list":
                if (!args.isEmpty())
                {
                    throw new ParameterException(spec.commandLine(), "list takes no arguments");
                }
                return null;
            default:
                throw new ParameterException(spec.commandLine(), "unknown action '" + action + "' (on, off, list)");
        }
    }

    private int list(final RuntimeClient client, final PrintWriter out)
    {
        final List<String> probes = client.eval("(core/probe/list)", null);
        if (probes.size() == 1 && Results.isError(probes.get(0)))
        {
            return Results.print(probes, out); // no probes in that JVM: the language says why
        }
        for (final String line : (String[])client.attribute(SxsManagement.PROBES, "Probes"))
        {
            out.println(line);
        }
        out.flush();
        return SxsCli.EXIT_OK;
    }

    private String topic(final String text)
    {
        if (!text.matches("[0-9]{1,5}"))
        {
            throw new ParameterException(spec.commandLine(), "TOPIC must be an integer 0..65535, got '" + text + "'");
        }
        return text;
    }

    /** @return the text as an sxs string literal. */
    static String quote(final String text)
    {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
