package dev.sxs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs sessions PID|HOST:PORT [--close NAME]}: the open sessions of the sxs in a JVM, each with the
 * entity it runs as and the handlers it registered (channel, topic, origin, first line of the body);
 * {@code --close} closes one (its handlers are removed) and prints what it removed. Exit 0, or 1 when there was no such session.
 */
@Command(name = "sessions", description = {
    "List the open sessions of the sxs in a JVM with their handlers, or close one (--close NAME|ID).",
    "Lines: ID NAME PRINCIPAL ENTITY \"SCOPE\" HANDLERS, then one indented line per handler:",
    "CHANNEL TOPIC ORIGIN BODY."})
final class SessionsCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--close", paramLabel = "NAME|ID", description = "close this session (its handlers are removed)")
    String close;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        try (RuntimeClient client = target.connect())
        {
            if (close != null)
            {
                return Results.print(List.of(client.closeSession(close)), out);
            }
            final List<String> handlers = client.sessionLines("Handlers");
            for (final String session : client.sessionLines("Sessions"))
            {
                out.println(session);
                final String id = session.substring(0, session.indexOf(' ') + 1);
                for (final String handler : handlers)
                {
                    if (handler.startsWith(id))
                    {
                        out.println("  " + handler.substring(id.length()));
                    }
                }
            }
            out.flush();
            return SxsCli.EXIT_OK;
        }
    }
}
