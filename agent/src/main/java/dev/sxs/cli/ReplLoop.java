package dev.sxs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * The REPL's read-evaluate-print loop, apart from where lines come from and where scripts go: a form may
 * span lines (it is sent once its brackets balance), {@code :history}, {@code !!} and {@code !N} recall
 * entries, {@code :quit} or the end of input leaves, and Ctrl-C drops the form being typed and prompts
 * again.
 * <p>
 * Threading: the CLI's main thread. Failure: what the input or the evaluation throws.
 */
final class ReplLoop
{
    /** Said when Ctrl-C dropped a form. */
    static final String DROPPED = "(form dropped; :quit or Ctrl-D leaves)";
    /** Answer to a line with terminal escape sequences (arrow keys without a terminal), which is dropped. */
    static final String NO_LINE_EDITING =
        "(line dropped: arrow keys need a terminal; use !!, !N and :history)";
    private static final char ESCAPE = '\u001b';

    private final ReplInput in;
    private final PrintWriter out;
    private final Function<String, List<String>> eval;
    private final ReplHistory history;

    /**
     * @param in      where lines come from.
     * @param out     where answers go.
     * @param eval    evaluates one entry, giving its printed values.
     * @param history the entries sent.
     */
    ReplLoop(final ReplInput in, final PrintWriter out, final Function<String, List<String>> eval,
        final ReplHistory history)
    {
        this.in = in;
        this.out = out;
        this.eval = eval;
        this.history = history;
    }

    /**
     * @return the exit status (always {@link SxsCli#EXIT_OK}).
     */
    int run()
    {
        final StringBuilder pending = new StringBuilder();
        while (true)
        {
            final String line;
            try
            {
                line = in.readLine(pending.length() == 0 ? "sxs> " : "...> ");
            }
            catch (final ReplInput.Interrupted ex)
            {
                if (pending.length() > 0)
                {
                    pending.setLength(0);
                    out.println(DROPPED);
                }
                continue;
            }
            if (line == null)
            {
                out.println();
                if (pending.length() > 0)
                {
                    // an unfinished form at end of input is sent as it is: sxs answers with its read error
                    send(pending.toString());
                }
                out.flush();
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
                    out.flush();
                    return SxsCli.EXIT_OK;
                }
                if (trimmed.equals(":history"))
                {
                    final List<String> entries = history.entries();
                    for (int i = 0; i < entries.size(); i++)
                    {
                        out.printf("%4d  %s%n", i + 1, entries.get(i));
                    }
                    continue;
                }
                if (trimmed.startsWith("!"))
                {
                    text = history.recall(trimmed);
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
            send(script);
        }
    }

    private void send(final String script)
    {
        history.add(script);
        in.remember(script);
        Results.print(eval.apply(script), out);
        out.flush();
    }
}
