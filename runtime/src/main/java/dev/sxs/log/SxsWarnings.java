package dev.sxs.log;

import java.util.function.Consumer;

/**
 * Prints sxs's own warnings as one line each, {@code [sxs] message}, on standard error: one format in every
 * host, instead of the host's {@code java.util.logging} layout (two lines, a date and a class name) that
 * {@link System.Logger} would give. Callers rate-limit what may repeat (handler errors are logged once per
 * distinct error).
 * <p>
 * Threading: any thread; a line is printed whole. Allocation: only when a warning is printed. Failure:
 * never throws.
 */
public final class SxsWarnings
{
    /** How every line begins. */
    public static final String PREFIX = "[sxs] ";

    private static volatile Consumer<String> sink;

    private SxsWarnings()
    {
    }

    /**
     * @param message the warning, one line.
     */
    public static void warn(final String message)
    {
        final String line = PREFIX + message.replace('\n', ' ');
        final Consumer<String> target = sink;
        if (target == null)
        {
            System.err.println(line);
        }
        else
        {
            target.accept(line);
        }
    }

    /**
     * @param message the warning, one line.
     * @param error   what failed; its own message is appended.
     */
    public static void warn(final String message, final Throwable error)
    {
        warn(message + (error == null ? "" : " (" + error + ")"));
    }

    /**
     * Send warnings elsewhere (tests), or back to standard error with null.
     *
     * @param lines takes each line, or null for {@code System.err}.
     */
    public static void redirect(final Consumer<String> lines)
    {
        sink = lines;
    }
}
