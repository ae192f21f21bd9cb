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
 * Exclusive ownership of a data folder (or of a journal folder, {@link #acquire(Path, String)}) by one process:
 * an OS file lock on {@code <folder>/sxs.lock},
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
        return acquire(folder, "data folder");
    }

    /**
     * Take ownership of a folder, creating it when missing: the data folder, or a journal folder (one appending
     * process per journal, whatever data folders its writers use).
     *
     * @param folder the folder.
     * @param what   what the folder is, for messages ({@code data folder}, {@code journal folder}).
     * @return the held lock; close it to release the folder.
     */
    public static DataFolderLock acquire(final Path folder, final String what)
    {
        final Path file = folder.resolve(LOCK_FILE);
        FileChannel channel = null;
        Path key = null;
        try
        {
            if (Files.exists(folder) && !Files.isDirectory(folder))
            {
                final String message = what + " " + folder.toAbsolutePath() + " is a file, not a folder";
                throw new UncheckedIOException(message, new IOException(message));
            }
            Files.createDirectories(folder);
            key = folder.toRealPath();
            if (!HELD.add(key))
            {
                key = null;
                throw inThisProcess(folder, what);
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
                throw inThisProcess(folder, what);
            }
            if (lock == null)
            {
                closeQuietly(channel);
                channel = null;
                final long owner = readOwner(file);
                throw new DataFolderLockedException(what + " " + folder.toAbsolutePath()
                    + " is owned by another process"
                    + (owner > 0 ? " (pid " + owner + ")" : "")
                        + "; one process at a time may use a " + what + " (lock file " + file + ")",
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
            throw new UncheckedIOException("cannot lock " + what + " " + folder.toAbsolutePath() + ": "
                + describe(folder, (IOException)ex), (IOException)ex);
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

    /** @return what went wrong, in words: the JDK's messages of these exceptions are just the path. */
    private static String describe(final Path folder, final IOException ex)
    {
        if (ex instanceof java.nio.file.FileAlreadyExistsException e)
        {
            return (e.getFile() == null ? String.valueOf(folder) : e.getFile()) + " is a file, not a folder";
        }
        if (ex instanceof java.nio.file.AccessDeniedException e)
        {
            return "permission denied on " + (e.getFile() == null ? String.valueOf(folder) : e.getFile());
        }
        if (ex instanceof java.nio.file.NoSuchFileException e)
        {
            return "no such file or folder " + (e.getFile() == null ? String.valueOf(folder) : e.getFile());
        }
        return ex.getMessage();
    }

    private static DataFolderLockedException inThisProcess(final Path folder, final String what)
    {
        final long pid = ProcessHandle.current().pid();
        return new DataFolderLockedException(what + " " + folder.toAbsolutePath()
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
