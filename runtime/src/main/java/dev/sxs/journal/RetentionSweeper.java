package dev.sxs.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Retention: keeps the newest N roll-cycle files of a journal folder and deletes older ones, and keeps
 * the cycle files' total size within a byte bound by deleting the oldest ones. The newest file (the one
 * being written) is never deleted, so one cycle may on its own exceed the byte bound. Runs when the
 * journal opens, each time the appender rolls to a new cycle, and, with a byte bound, each time about
 * {@link #checkEveryBytes()} more bytes were appended (always under the journal's append lock).
 * Cycle file names are zero-padded date-times, so name order is time order.
 * <p>
 * Failure: a file that cannot be deleted is left and tried again at the next sweep.
 */
final class RetentionSweeper
{
    /** Suffix of Chronicle Queue cycle files. */
    static final String CYCLE_FILE_SUFFIX = ".cq4";

    /** Least number of bytes appended between two size checks. */
    static final long MIN_CHECK_BYTES = 64 * 1024;

    private final Path folder;
    private final int retainCycles;
    private final long maxBytes;
    private volatile long deleted;

    RetentionSweeper(final Path folder, final int retainCycles, final long maxBytes)
    {
        this.folder = folder;
        this.retainCycles = retainCycles;
        this.maxBytes = maxBytes;
    }

    /** @return bytes to append between two size checks: a sixteenth of the bound, at least 64 KiB; 0 unbounded. */
    long checkEveryBytes()
    {
        return maxBytes <= 0 ? 0 : Math.max(Math.min(MIN_CHECK_BYTES, maxBytes), maxBytes / 16);
    }

    /**
     * Delete all but the newest {@code retainCycles} cycle files; nothing when retention keeps all.
     *
     * @param queue the queue whose directory listing is refreshed after a deletion.
     */
    void sweep(final SingleChronicleQueue queue)
    {
        if (retainCycles <= 0 && maxBytes <= 0)
        {
            return;
        }
        final List<Path> files = cycleFiles(folder);
        if (files.size() <= 1)
        {
            return;
        }
        files.sort(null);
        final long[] sizes = new long[files.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++)
        {
            sizes[i] = sizeOf(files.get(i));
            total += sizes[i];
        }
        int keepFrom = retainCycles > 0 ? Math.max(0, files.size() - retainCycles) : 0;
        if (maxBytes > 0)
        {
            for (int i = 0; i < keepFrom; i++)
            {
                total -= sizes[i];
            }
            // the newest file is the one being written: never deleted
            while (total > maxBytes && keepFrom < files.size() - 1)
            {
                total -= sizes[keepFrom++];
            }
        }
        boolean any = false;
        for (int i = 0; i < keepFrom; i++)
        {
            try
            {
                if (Files.deleteIfExists(files.get(i)))
                {
                    any = true;
                    deleted++;
                }
            }
            catch (final IOException ex)
            {
                // left for the next sweep
            }
        }
        if (any)
        {
            queue.refreshDirectoryListing();
        }
    }

    private static long sizeOf(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    /**
     * @return cycle files deleted so far.
     */
    long deleted()
    {
        return deleted;
    }

    static List<Path> cycleFiles(final Path folder)
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + CYCLE_FILE_SUFFIX))
        {
            for (final Path file : stream)
            {
                files.add(file);
            }
        }
        catch (final IOException ex)
        {
            // an unreadable folder has no files we can manage
        }
        return files;
    }
}
