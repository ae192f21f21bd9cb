package dev.sxs.journal;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forces the journal's current cycle file to the device as {@link JournalSync} asks. Chronicle Queue writes
 * through a shared memory mapping; on Linux those pages live in the page cache of the file, so
 * {@link FileChannel#force} ({@code fdatasync}) of the file writes them back.
 * <p>
 * Threading: every method runs under the journal's append lock (the internal lock only guards the channel
 * against a later change of that rule). Allocation: none per record; one channel per cycle file. Failure:
 * a force that fails gives a {@link JournalException}; the record is then written but not known to be on disk.
 */
final class JournalSyncer implements AutoCloseable
{
    private final JournalSync mode;
    private final ReentrantLock syncLock = new ReentrantLock();
    private long written;
    private long synced;
    private long forces;
    private File file;
    private FileChannel channel;

    JournalSyncer(final JournalSync mode)
    {
        this.mode = mode;
    }

    /**
     * @return true when records are forced (the append path asks before it looks up the current file).
     */
    boolean forcing()
    {
        return mode != JournalSync.NONE;
    }

    /**
     * A record was written to {@code current}: force it when the mode says so. Under the append lock.
     *
     * @param current the appender's cycle file.
     */
    void written(final File current)
    {
        if (mode == JournalSync.NONE)
        {
            return;
        }
        syncLock.lock();
        try
        {
            if (!current.equals(file))
            {
                forceUpTo(written);
                closeChannel();
                channel = FileChannel.open(current.toPath(), StandardOpenOption.WRITE);
                file = current;
            }
            written++;
            forceUpTo(written);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot sync journal file " + current + ": " + ex.getMessage(), ex);
        }
        finally
        {
            syncLock.unlock();
        }
    }

    /** Force what was written and release the file. Under the append lock. */
    @Override
    public void close()
    {
        syncLock.lock();
        try
        {
            forceUpTo(written);
            closeChannel();
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot sync journal file " + file + " at close: " + ex.getMessage(), ex);
        }
        finally
        {
            syncLock.unlock();
        }
    }

    /**
     * @return forces done so far (tests and benchmarks); any thread.
     */
    long forces()
    {
        syncLock.lock();
        try
        {
            return forces;
        }
        finally
        {
            syncLock.unlock();
        }
    }

    private void forceUpTo(final long target) throws IOException
    {
        if (channel != null && synced < target)
        {
            channel.force(false);
            synced = target;
            forces++;
        }
    }

    private void closeChannel() throws IOException
    {
        if (channel != null)
        {
            channel.close();
            channel = null;
            file = null;
        }
    }
}
