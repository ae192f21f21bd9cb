package dev.sxs.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Retention: keeps the newest N roll-cycle files of a journal folder and deletes older ones. Runs when
 * the journal opens and each time the appender rolls to a new cycle (under the journal's append lock).
 * Cycle file names are zero-padded date-times, so name order is time order.
 * <p>
 * Failure: a file that cannot be deleted is left and tried again at the next roll.
 */
final class RetentionSweeper
{
    /** Suffix of Chronicle Queue cycle files. */
    static final String CYCLE_FILE_SUFFIX = ".cq4";

    private final Path folder;
    private final int retainCycles;
    private volatile long deleted;

    RetentionSweeper(final Path folder, final int retainCycles)
    {
        this.folder = folder;
        this.retainCycles = retainCycles;
    }

    /**
     * Delete all but the newest {@code retainCycles} cycle files; nothing when retention keeps all.
     *
     * @param queue the queue whose directory listing is refreshed after a deletion.
     */
    void sweep(final SingleChronicleQueue queue)
    {
        if (retainCycles <= 0)
        {
            return;
        }
        final List<Path> files = cycleFiles(folder);
        if (files.size() <= retainCycles)
        {
            return;
        }
        files.sort(null);
        boolean any = false;
        for (int i = 0; i < files.size() - retainCycles; i++)
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
                // left for the next roll
            }
        }
        if (any)
        {
            queue.refreshDirectoryListing();
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
