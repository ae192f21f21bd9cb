package dev.sxs.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a data folder by one process: an OS file lock on {@code <data>/sxs.lock},
 * whose content is the owner's process id. The OS drops the lock when the owner dies, even by
 * {@code kill -9}, so a stale lock file never blocks a restart.
 * <p>
 * Threading: {@link #acquire} and {@link #close} are thread-safe. Failure: {@link #acquire} throws
 * {@link DataFolderLockedException} when another process (or another open in this process) owns the
 * folder, {@link UncheckedIOException} when the folder cannot be created or the file not written.
 */
public final class DataFolderLock implements AutoCloseable
{
    /** Name of the lock file inside the data folder. */
    public static final String LOCK_FILE = "sxs.lock";

    /** Folders locked by this process: checked before opening a second channel, whose close would drop the OS lock. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(final Path folder, final Path key, final FileChannel channel, final FileLock lock)
    {
        this.folder = folder;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Take ownership of a data folder, creating it when missing.
     *
     * @param folder the data folder.
     * @return the held lock; close it to release the folder.
     */
    public static DataFolderLock acquire(final Path folder)
    {
        final Path file = folder.resolve(LOCK_FILE);
        FileChannel channel = null;
        Path key = null;
        try
        {
            Files.createDirectories(folder);
            key = folder.toRealPath();
            if (!HELD.add(key))
            {
                key = null;
                throw inThisProcess(folder);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            final FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException ex)
            {
                throw inThisProcess(folder);
            }
            if (lock == null)
            {
                closeQuietly(channel);
                channel = null;
                final long owner = readOwner(file);
                throw new DataFolderLockedException("data folder " + folder.toAbsolutePath()
                    + " is owned by another process"
                    + (owner > 0 ? " (pid " + owner + ")" : "")
                        + "; one process at a time may use a data folder (lock file " + file + ")",
                    folder, owner);
            }
            final byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(true);
            return new DataFolderLock(folder, key, channel, lock);
        }
        catch (final IOException | RuntimeException ex)
        {
            closeQuietly(channel);
            if (key != null)
            {
                HELD.remove(key);
            }
            if (ex instanceof RuntimeException)
            {
                throw (RuntimeException)ex;
            }
            throw new UncheckedIOException("cannot lock data folder " + folder.toAbsolutePath() + ": "
                + ex.getMessage(),
                (IOException)ex);
        }
    }

    /**
     * @return the locked data folder.
     */
    public Path folder()
    {
        return folder;
    }

    /**
     * Release the folder. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (channel.isOpen())
        {
            try
            {
                lock.release();
            }
            catch (final IOException ignored)
            {
                // closing the channel below releases the lock as well
            }
            closeQuietly(channel);
            HELD.remove(key);
        }
    }

    private static DataFolderLockedException inThisProcess(final Path folder)
    {
        final long pid = ProcessHandle.current().pid();
        return new DataFolderLockedException("data folder " + folder.toAbsolutePath()
            + " is already open in this process (pid "
            + pid + "); close the other store or runtime first", folder, pid);
    }

    private static long readOwner(final Path file)
    {
        try
        {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // nothing more to release
            }
        }
    }
}
