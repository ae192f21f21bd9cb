package dev.sxs.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.sxs.concurrent.SxsThreadFactory;

/**
 * The stdout lines of a {@link ForkedJvm}, read by a thread of their own ({@code sxs-it-child-stdout}) into a
 * queue, so that a test can wait for a line with a timeout, or watch something else while the child runs, and
 * still read, after a {@code kill -9}, every line the child wrote before it died. The end of the child's stdout
 * is a mark in the queue.
 * <p>
 * Threading: one test thread takes the lines. Failure: {@link #next} and {@link #awaitLine} fail the test (an
 * {@link AssertionError} with the child's stderr) when no line comes in time or the child's stdout ended.
 */
public final class ChildLines
{
    /** The end-of-stdout mark; no child line is a NUL followed by this. */
    private static final String END = "\u0000end";

    private final ForkedJvm child;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildLines(final ForkedJvm child)
    {
        this.child = child;
    }

    static ChildLines start(final ForkedJvm child, final BufferedReader stdout)
    {
        final ChildLines lines = new ChildLines(child);
        SxsThreadFactory.create().newThread(() -> lines.pump(stdout), "sxs-it-child-stdout").start();
        return lines;
    }

    /**
     * @param timeout how long to wait for it.
     * @param unit    the unit of {@code timeout}.
     * @return the next line.
     * @throws InterruptedException when interrupted while waiting.
     * @throws AssertionError       when none comes within the timeout, or the child's stdout ended.
     */
    public String next(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        final String line = lines.poll(timeout, unit);
        if (line == null)
        {
            throw new AssertionError("no output from " + child + " for " + timeout + " " + unit.toString()
                .toLowerCase(Locale.ROOT) + "; stderr:\n" + child.stderr());
        }
        if (END.equals(line))
        {
            throw new AssertionError(child + " ended; stderr:\n" + child.stderr());
        }
        return line;
    }

    /**
     * @param prefix  what the line starts with.
     * @param timeout how long to wait for each line before it.
     * @param unit    the unit of {@code timeout}.
     * @return the next line that starts with {@code prefix}; the lines before it are skipped.
     * @throws InterruptedException when interrupted while waiting.
     * @throws AssertionError       as {@link #next}.
     */
    public String awaitLine(final String prefix, final long timeout, final TimeUnit unit) throws InterruptedException
    {
        String line = next(timeout, unit);
        while (!line.startsWith(prefix))
        {
            line = next(timeout, unit);
        }
        return line;
    }

    /**
     * @param timeout how long to wait for it.
     * @param unit    the unit of {@code timeout}.
     * @return the next line, or null when none came within the timeout or the child's stdout ended (after the end,
     *     each call waits out its timeout).
     * @throws InterruptedException when interrupted while waiting.
     */
    public String poll(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        final String line = lines.poll(timeout, unit);
        return END.equals(line) ? null : line;
    }

    /**
     * @return true when nothing came from the child since the last line taken, not even the end of its stdout.
     */
    public boolean isEmpty()
    {
        return lines.isEmpty();
    }

    /**
     * Hand every line still to come to {@code each} until the child's stdout ends: after a {@code kill -9}, what
     * the child wrote before it died.
     *
     * @param each receives each line.
     * @throws InterruptedException when interrupted while waiting.
     * @throws AssertionError       when no line and no end came for a minute.
     */
    public void drain(final Consumer<String> each) throws InterruptedException
    {
        for (String line = lines.poll(1, TimeUnit.MINUTES); !END.equals(line); line = lines.poll(1, TimeUnit.MINUTES))
        {
            if (line == null)
            {
                throw new AssertionError("the output of " + child + " did not end");
            }
            each.accept(line);
        }
    }

    private void pump(final BufferedReader stdout)
    {
        try
        {
            for (String line = stdout.readLine(); line != null; line = stdout.readLine())
            {
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            lines.add("stdout failed: " + ex);
        }
        finally
        {
            lines.add(END);
        }
    }
}
