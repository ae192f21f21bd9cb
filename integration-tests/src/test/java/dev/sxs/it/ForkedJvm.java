package dev.sxs.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.sxs.it.agent.Jdk;

/**
 * A child JVM started with the same {@code java} (or another JDK's), class path and {@code sxs.jvm.flags} as the
 * test, running a main class of the test class path: the one launcher of the forked-JVM kill tests. Its stdout is
 * read line by line, on the test's thread ({@link #readLine}, {@link #awaitLine}, {@link #readToEnd}) or, for a
 * test that must not block on it, by a thread of its own ({@link #lines}), never both; stderr goes to a file shown
 * on failure. Closing it kills the child with SIGKILL.
 * <p>
 * Threading: one test thread. Failure: a child that ends before the line a test waits for fails the test with its
 * stderr.
 */
public final class ForkedJvm implements AutoCloseable
{
    private final Process process;
    private final BufferedReader stdout;
    private final Path stderr;
    private final String name;

    private ForkedJvm(final Process process, final Path stderr, final String name)
    {
        this.process = process;
        this.name = name;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = stderr;
    }

    /**
     * @param mainClass the class to run.
     * @param stderr    file that receives the child's stderr.
     * @param args      its arguments.
     * @return the started child.
     * @throws IOException when it cannot be started.
     */
    public static ForkedJvm start(final Class<?> mainClass, final Path stderr, final String... args) throws IOException
    {
        return start(Path.of(System.getProperty("java.home"), "bin", "java"), mainClass, stderr, args);
    }

    /**
     * Start the child on another JDK's launcher (the class path and flags stay the test's).
     *
     * @param java      the {@code java} launcher to run.
     * @param mainClass the class to run.
     * @param stderr    file that receives the child's stderr.
     * @param args      its arguments.
     * @return the started child.
     * @throws IOException when it cannot be started.
     */
    public static ForkedJvm start(final Path java, final Class<?> mainClass, final Path stderr, final String... args)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(java.toString());
        final String flags = System.getProperty("sxs.jvm.flags", "");
        for (final String flag : flags.trim().split("\\s+"))
        {
            if (!flag.isEmpty())
            {
                command.add(flag);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(Arrays.asList(args));
        final Process process = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
            .start();
        return new ForkedJvm(process, stderr, mainClass.getSimpleName());
    }

    /**
     * Start the child on a JDK of the test matrix.
     *
     * @param jdk       the JDK to run it on.
     * @param mainClass the class to run.
     * @param stderr    file that receives the child's stderr.
     * @param args      its arguments.
     * @return the started child.
     * @throws IOException when it cannot be started.
     */
    public static ForkedJvm start(final Jdk jdk, final Class<?> mainClass, final Path stderr, final String... args)
        throws IOException
    {
        return start(jdk.java(), mainClass, stderr, args);
    }

    /**
     * @return the next stdout line, or null at end of stream.
     * @throws IOException on a read failure.
     */
    public String readLine() throws IOException
    {
        return stdout.readLine();
    }

    /**
     * Read stdout up to the first line that starts with {@code prefix} (the ready line, a progress line).
     *
     * @param prefix what the line starts with; "" for the next line.
     * @return that line.
     * @throws IOException    on a read failure.
     * @throws AssertionError when the child's stdout ends first, with its stderr.
     */
    public String awaitLine(final String prefix) throws IOException
    {
        for (String line = stdout.readLine(); line != null; line = stdout.readLine())
        {
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
        throw new AssertionError(this + " ended before a line starting '" + prefix + "'; stderr:\n" + stderr());
    }

    /**
     * Read stdout to its end: after {@link #kill9}, what the child wrote before it died.
     *
     * @return the lines still to come, in order.
     * @throws IOException on a read failure.
     */
    public List<String> readToEnd() throws IOException
    {
        final List<String> lines = new ArrayList<>();
        for (String line = stdout.readLine(); line != null; line = stdout.readLine())
        {
            lines.add(line);
        }
        return lines;
    }

    /**
     * Read stdout from now on on a thread of its own ({@code sxs-it-child-stdout}), for a test that polls with a
     * timeout or watches something else meanwhile. Call once, and read no more through this object.
     *
     * @return the lines as they come.
     */
    public ChildLines lines()
    {
        return ChildLines.start(this, stdout);
    }

    /**
     * @return the child's process id.
     */
    public long pid()
    {
        return process.pid();
    }

    /**
     * Kill the child with SIGKILL (like {@code kill -9}) and wait for it to be gone. Unlike
     * {@link Process#destroyForcibly()}, this leaves the child's stdout open, so the lines it wrote
     * before it died can still be read to the end.
     *
     * @throws InterruptedException when interrupted while waiting.
     */
    public void kill9() throws InterruptedException
    {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("child " + process.pid() + " did not die after SIGKILL");
        }
    }

    /**
     * @return the child's stderr so far, for failure messages.
     */
    public String stderr()
    {
        try
        {
            return Files.readString(stderr);
        }
        catch (final IOException ex)
        {
            return "(stderr unreadable: " + ex + ")";
        }
    }

    @Override
    public String toString()
    {
        return name + " (pid " + process.pid() + ", stderr " + stderr.getFileName() + ")";
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            try
            {
                kill9();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt(); // AutoCloseable.close should not throw it
            }
        }
    }
}
