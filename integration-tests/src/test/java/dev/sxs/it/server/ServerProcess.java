package dev.sxs.it.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real server process started by a test, its stdout and stderr both going to one log file (the
 * console of {@code catalina.sh run} or of Jetty's {@code start.jar}: every log record and every
 * warning the JVM prints). Closing it asks the server to stop (SIGTERM, so its shutdown hooks run)
 * and kills it if it has not ended after 60 s.
 */
final class ServerProcess implements AutoCloseable
{
    /** How long a server may take to start or deploy on the shared, loaded 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Polling interval of the log file. */
    private static final long POLL_MILLIS = 100;

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(final String name, final Process process, final Path log)
    {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param name    label in messages.
     * @param command the command line.
     * @param env     environment variables to set (the inherited JVM option variables are removed).
     * @param workDir working folder.
     * @param log     file that receives stdout and stderr.
     * @return the started process (not yet up: see {@link #awaitLine}).
     * @throws IOException when it cannot be started.
     */
    static ServerProcess start(final String name, final List<String> command, final Map<String, String> env,
        final Path workDir, final Path log) throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        for (final String inherited : List.of("JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JRE_HOME", "CATALINA_HOME", "CATALINA_BASE", "CATALINA_OPTS", "CATALINA_OUT", "CATALINA_PID",
            "JETTY_HOME", "JETTY_BASE"))
        {
            builder.environment().remove(inherited);
        }
        builder.environment().putAll(env);
        return new ServerProcess(name, builder.start(), log);
    }

    /** @return the server JVM's process id. */
    long pid()
    {
        return process.pid();
    }

    /** @return the log file. */
    Path log()
    {
        return log;
    }

    /**
     * @return the lines of the log so far.
     * @throws IOException when it cannot be read.
     */
    List<String> lines() throws IOException
    {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /**
     * Poll the log until a line containing {@code text} appears at or after line {@code from}.
     *
     * @param text    what the line contains.
     * @param from    index of the first line to look at.
     * @param timeout how long to wait.
     * @return the index of the line.
     * @throws Exception when the server ends or the time runs out first (the message holds the log).
     */
    int awaitLine(final String text, final int from, final Duration timeout) throws Exception
    {
        return awaitLine(line -> line.contains(text), text, from, timeout);
    }

    /**
     * @param match       which line to wait for.
     * @param description what it is, for the failure message.
     * @param from        index of the first line to look at.
     * @param timeout     how long to wait.
     * @return the index of the first matching line.
     * @throws Exception when the server ends or the time runs out first (the message holds the log).
     */
    int awaitLine(final Predicate<String> match, final String description, final int from, final Duration timeout)
        throws Exception
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            final List<String> lines = lines();
            for (int i = from; i < lines.size(); i++)
            {
                if (match.test(lines.get(i)))
                {
                    return i;
                }
            }
            if (!process.isAlive() || System.nanoTime() > deadline)
            {
                final String what = process.isAlive() ? " did not log '" : " ended without logging '";
                throw new IllegalStateException(name + what + description + "' within " + timeout.toSeconds()
                    + " s; its log:\n" + String.join("\n", lines));
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS); // polling another process's log file
        }
    }

    /**
     * Stop the server as an operator would (SIGTERM: shutdown hooks run) and wait for it to end.
     *
     * @return its exit status.
     * @throws Exception when it does not end within 60 s (it is then killed).
     */
    int stop() throws Exception
    {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM; killed");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException
    {
        if (process.isAlive())
        {
            try
            {
                stop();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt(); // AutoCloseable.close should not throw it
            }
            catch (final Exception ex)
            {
                throw new IOException("could not stop " + this, ex);
            }
        }
    }

    @Override
    public String toString()
    {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
