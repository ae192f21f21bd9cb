package dev.sxs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs repl PID|HOST:PORT [--session NAME [--replace]]}: an interactive prompt against the sxs in a JVM;
 * with a session every entry runs in it (and in the sessions of evals naming it). A form may span
 * lines (input is sent once brackets balance). History: {@code :history} lists it, {@code !!} repeats
 * the last entry, {@code !N} entry N; it is kept in {@code ~/.sxs_history}. {@code :quit} or end of
 * input leaves.
 */
@Command(name = "repl", description = "Interactive prompt against the sxs in a JVM (:history, !!, !N, :quit).")
final class ReplCommand implements Callable<Integer>
{
    /** Answer to a line with terminal escape sequences (arrow keys), which is dropped. */
    static final String NO_LINE_EDITING =
        "(line dropped: arrow keys are not supported here; use !!, !N and :history, or run: rlwrap bin/sxs repl ...)";
    private static final char ESCAPE = '\u001b';

    /** Entries of history kept in the file. */
    static final int DEFAULT_HISTORY_SIZE = 500;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--scope", paramLabel = "PREFIX", description = "scope to evaluate in; default: the runtime's")
    String scope;

    @Option(names = "--session", paramLabel = "NAME", description = "run every entry in the named session; "
        + "default: a fresh unnamed session per entry")
    String session;

    @Option(names = "--replace", description = "close the named session before the first entry")
    boolean replace;

    @Option(names = "--history", paramLabel = "FILE", description = "history file (default ~/.sxs_history)")
    Path historyFile = Path.of(System.getProperty("user.home"), ".sxs_history");

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (replace && session == null)
        {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--replace needs --session NAME");
        }
        final List<String> history = loadHistory();
        try (RuntimeClient client = target.connect())
        {
            out.println("sxs repl on " + target.target + " (:history, !!, !N, :quit)");
            final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            final StringBuilder pending = new StringBuilder();
            while (true)
            {
                out.print(pending.length() == 0 ? "sxs> " : "...> ");
                out.flush();
                final String line = in.readLine();
                if (line == null)
                {
                    out.println();
                    if (pending.length() > 0)
                    {
                        // an unfinished form at end of input is sent as it is: sxs answers with its read error
                        final String script = pending.toString();
                        remember(history, script);
                        Results.print(eval(client, script), out);
                    }
                    return SxsCli.EXIT_OK;
                }
                if (line.indexOf(ESCAPE) >= 0)
                {
                    // arrow keys arrive as escape sequences ("[A" would otherwise open a bracket)
                    out.println(NO_LINE_EDITING);
                    continue;
                }
                String text = line;
                if (pending.length() == 0)
                {
                    final String trimmed = line.trim();
                    if (trimmed.equals(":quit") || trimmed.equals(":q"))
                    {
                        return SxsCli.EXIT_OK;
                    }
                    if (trimmed.equals(":history"))
                    {
                        for (int i = 0; i < history.size(); i++)
                        {
                            out.printf("%4d  %s%n", i + 1, history.get(i));
                        }
                        continue;
                    }
                    if (trimmed.startsWith("!"))
                    {
                        text = recall(trimmed, history);
                        if (text == null)
                        {
                            out.println("no such history entry: " + trimmed);
                            continue;
                        }
                        out.println(text);
                    }
                    if (trimmed.isEmpty())
                    {
                        continue;
                    }
                }
                pending.append(pending.length() == 0 ? "" : "\n").append(text);
                if (Brackets.open(pending) > 0)
                {
                    continue;
                }
                final String script = pending.toString();
                pending.setLength(0);
                remember(history, script);
                Results.print(eval(client, script), out);
            }
        }
    }

    private List<String> eval(final RuntimeClient client, final String script)
    {
        final boolean first = replace;
        replace = false;
        return client.eval(script, scope, session, first);
    }

    private static String recall(final String bang, final List<String> history)
    {
        if (history.isEmpty())
        {
            return null;
        }
        if (bang.equals("!!"))
        {
            return history.get(history.size() - 1);
        }
        try
        {
            final int n = Integer.parseInt(bang.substring(1));
            return n >= 1 && n <= history.size() ? history.get(n - 1) : null;
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private List<String> loadHistory()
    {
        final List<String> history = new ArrayList<>();
        try
        {
            if (Files.isRegularFile(historyFile))
            {
                for (final String line : Files.readAllLines(historyFile, StandardCharsets.UTF_8))
                {
                    history.add(line.replace("\\n", "\n"));
                }
            }
        }
        catch (final IOException ignored)
        {
            // no history then
        }
        return history;
    }

    private void remember(final List<String> history, final String script)
    {
        history.add(script);
        while (history.size() > DEFAULT_HISTORY_SIZE)
        {
            history.remove(0);
        }
        try
        {
            Files.writeString(historyFile, script.replace("\n", "\\n") + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (final IOException ignored)
        {
            // history is a convenience
        }
    }
}
