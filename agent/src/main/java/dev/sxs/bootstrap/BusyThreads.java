package dev.sxs.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Tells whether another thread of this process is running, waiting for a core, or waiting for the disk, as
 * the Linux kernel reports it in {@code /proc/self/task/TID/stat} (states {@code R} and {@code D}).
 * <p>
 * Why {@link HostStartWait} needs it: on a machine short of cores a starting host is often descheduled for
 * longer than the quiet time, and then loads no class although its start is far from over. Its threads are
 * then runnable ({@code R}), where a started, idle host's threads sleep ({@code S}) in {@code accept},
 * {@code epoll} or a timed wait. Java's own thread states cannot tell the two apart (a thread blocked in
 * {@code accept} is {@code RUNNABLE} to Java).
 * <p>
 * Reads one short file per thread of the process, only when asked; allocates a little per call. On a system
 * without {@code /proc} (not Linux) {@link #ofThisProcess()} gives a supplier that always says no.
 */
final class BusyThreads implements BooleanSupplier
{
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path THIS_THREAD = Path.of("/proc/thread-self");

    private final String ownTid;

    private BusyThreads(final String ownTid)
    {
        this.ownTid = ownTid;
    }

    /**
     * Must be called on the thread that will ask: that thread never counts as busy.
     *
     * @return whether another thread of this process is busy now, or a supplier of false where the kernel
     *         does not say.
     */
    static BooleanSupplier ofThisProcess()
    {
        try
        {
            return new BusyThreads(String.valueOf(THIS_THREAD.toRealPath().getFileName()));
        }
        catch (final IOException | RuntimeException ex)
        {
            return () -> false;
        }
    }

    @Override
    public boolean getAsBoolean()
    {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS))
        {
            for (final Path task : tasks)
            {
                if (!ownTid.equals(String.valueOf(task.getFileName())) && busy(task.resolve("stat")))
                {
                    return true;
                }
            }
            return false;
        }
        catch (final IOException | RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * @param line a {@code stat} line: {@code TID (NAME) STATE ...}, NAME possibly holding spaces and parentheses.
     * @return whether the state is running/runnable or in uninterruptible (disk) sleep.
     */
    static boolean busyState(final String line)
    {
        final int close = line.lastIndexOf(')');
        if (close < 0 || close + 2 >= line.length())
        {
            return false;
        }
        final char state = line.charAt(close + 2);
        return state == 'R' || state == 'D';
    }

    private static boolean busy(final Path stat)
    {
        try
        {
            return busyState(new String(Files.readAllBytes(stat), StandardCharsets.US_ASCII));
        }
        catch (final IOException ex)
        {
            return false; // the thread ended between the listing and the read
        }
    }
}
