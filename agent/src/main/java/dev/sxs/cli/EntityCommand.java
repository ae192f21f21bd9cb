package dev.sxs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.sxs.jmx.SxsManagement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs entity PID|HOST:PORT ACTION ARGS}: manage the entities of the sxs in a JVM through its
 * {@code dev.sxs:type=Entities} MBean. Changes need the caller's entity to hold the admin right (a local caller
 * runs as {@code root}) and are audited. Prints the entity's line after a change, the entities for
 * {@code list}, one entity for {@code show}. Exit 0, 2 for bad usage, 3 when the runtime refused.
 */
@Command(name = "entity", description = {
    "Manage entities: who may read, write, publish and subscribe where, and how fast (docs/entities.md).",
    "ACTION: list | show ID | create ID | grant ID RIGHTS TARGET | revoke ID RIGHTS TARGET | limit ID RATE SESSIONS"
        + " | home ID SCOPE | admin ID true|false | delete ID",
    "RIGHTS: R, W, RW on a scope (* for every scope); P, S, PS on CHANNEL:TOPICS (A..F or *; N, LO-HI or *)."})
final class EntityCommand implements Callable<Integer>
{
    private static final Map<String, Integer> ARITY = Map.of("list", 0, "show", 1, "create", 1, "grant", 3,
        "revoke", 3, "limit", 3, "home", 2, "admin", 2, "delete", 1);

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Parameters(index = "1", paramLabel = "ACTION", description = "list, show, create, grant, revoke, limit, home, "
        + "admin or delete")
    String action;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "ARG", description = "the action's arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call()
    {
        final Integer arity = ARITY.get(action);
        if (arity == null || arity != args.size())
        {
            throw new ParameterException(spec.commandLine(), arity == null ? "unknown action '" + action + "'"
                : action + " takes " + arity + " arguments, got " + args.size());
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (RuntimeClient client = target.connect())
        {
            if ("list".equals(action) || "show".equals(action))
            {
                final String[] lines = (String[])client.attribute(SxsManagement.ENTITIES, "Entities");
                boolean found = false;
                for (final String line : lines)
                {
                    if ("list".equals(action) || line.startsWith(args.get(0) + " "))
                    {
                        out.println(line);
                        found = true;
                    }
                }
                out.flush();
                return found || "list".equals(action) ? SxsCli.EXIT_OK : SxsCli.EXIT_ERROR_VALUE;
            }
            out.println(client.invoke(SxsManagement.ENTITIES, action, params(), signature()));
            out.flush();
            return SxsCli.EXIT_OK;
        }
    }

    private Object[] params()
    {
        return switch (action)
        {
            case "limit" -> new Object[] {args.get(0), number(args.get(1)), number(args.get(2))};
            case "admin" -> new Object[] {args.get(0), Boolean.parseBoolean(args.get(1))};
            default -> args.toArray();
        };
    }

    private String[] signature()
    {
        final String s = String.class.getName();
        return switch (action)
        {
            case "limit" -> new String[] {s, int.class.getName(), int.class.getName()};
            case "admin" -> new String[] {s, boolean.class.getName()};
            default -> args.stream().map(a -> s).toArray(String[]::new);
        };
    }

    private int number(final String text)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new ParameterException(spec.commandLine(), "expected a number >= 0, got '" + text + "'");
        }
    }
}
