package dev.sxs.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where the REPL's lines come from: a terminal through JLine (line editing, arrow-key history, Ctrl-C
 * drops the line being typed), or plain lines from a pipe or a file. On a dumb terminal JLine still reads
 * lines and still turns Ctrl-C into {@link Interrupted}.
 * <p>
 * Threading: the CLI's main thread. Failure: {@link UncheckedIOException} when the input cannot be read.
 */
abstract class ReplInput implements AutoCloseable
{
    /**
     * @param prompt printed before the line.
     * @return the next line, or null at the end of input.
     * @throws Interrupted when the user pressed Ctrl-C.
     */
    abstract String readLine(String prompt);

    /**
     * Make an entry reachable with the arrow keys (no-op without a terminal).
     *
     * @param entry a sent entry.
     */
    abstract void remember(String entry);

    @Override
    public abstract void close();

    /**
     * @param history earlier entries, oldest first, for the arrow keys.
     * @param out     where a plain input prints its prompts.
     * @return JLine on the system terminal when standard input is one, else plain lines from standard input.
     */
    static ReplInput open(final List<String> history, final PrintWriter out)
    {
        if (!interactive())
        {
            return plain(System.in, out);
        }
        try
        {
            // the exec provider (stty) needs no native library; dumb(true) still gives a line reader without one
            final Terminal terminal = TerminalBuilder.builder().system(true).exec(true).jni(false).jna(false)
                .jansi(false).ffm(false).dumb(true).build();
            return jline(terminal, history);
        }
        catch (final IOException | RuntimeException ex)
        {
            return plain(System.in, out);
        }
    }

    /**
     * @return true when standard input and output are a terminal: JDK 17 has no console otherwise; JDK 22+
     *         always has one and tells with {@code Console.isTerminal()}.
     */
    static boolean interactive()
    {
        final Console console = System.console();
        if (console == null)
        {
            return false;
        }
        try
        {
            return (Boolean)Console.class.getMethod("isTerminal").invoke(console);
        }
        catch (final NoSuchMethodException ex)
        {
            return true;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * @param terminal the terminal (closed with the input).
     * @param history  earlier entries, oldest first.
     * @return an input reading through JLine.
     */
    static ReplInput jline(final Terminal terminal, final List<String> history)
    {
        final LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("sxs")
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        for (final String entry : history)
        {
            reader.getHistory().add(entry);
        }
        return new ReplInput()
        {
            @Override
            String readLine(final String prompt)
            {
                try
                {
                    return reader.readLine(prompt);
                }
                catch (final UserInterruptException ex)
                {
                    throw new Interrupted();
                }
                catch (final EndOfFileException ex)
                {
                    return null;
                }
            }

            @Override
            void remember(final String entry)
            {
                // JLine adds each line it read; a form spanning lines is also kept whole
                reader.getHistory().add(entry);
            }

            @Override
            public void close()
            {
                try
                {
                    terminal.close();
                }
                catch (final IOException ignored)
                {
                    // the terminal is being given back anyway
                }
            }
        };
    }

    /**
     * @param in  lines, UTF-8.
     * @param out where prompts go.
     * @return an input reading plain lines.
     */
    static ReplInput plain(final InputStream in, final PrintWriter out)
    {
        final BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new ReplInput()
        {
            @Override
            String readLine(final String prompt)
            {
                out.print(prompt);
                out.flush();
                try
                {
                    return lines.readLine();
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }

            @Override
            void remember(final String entry)
            {
                // no line editing on a pipe
            }

            @Override
            public void close()
            {
                // standard input stays open for the process
            }
        };
    }

    /** The user pressed Ctrl-C: the form being typed is dropped. */
    static final class Interrupted extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Interrupted()
        {
            super("interrupted", null, false, false);
        }
    }
}
