package dev.sxs.bootstrap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Leases on folders of extracted jars, so that the cache keeps what running JVMs use and drops the rest.
 * <p>
 * A JVM that loads jars from a folder holds a shared lock on the folder's {@value #LOCK_FILE} file for
 * the rest of its life (the operating system releases it when the process ends, even after
 * {@code kill -9}). Pruning deletes another folder only when it gets the exclusive lock, i.e. when no
 * running JVM uses it, so every build of the agent no longer leaves its jars behind for ever.
 * <p>
 * Threading: callers synchronise (the bootstrap starts one runtime at a time). Failure: best effort,
 * never throws; a folder that cannot be locked is simply kept.
 */
final class CacheLease
{
    /** The file whose shared lock marks a folder as in use. */
    static final String LOCK_FILE = ".in-use";
    /** Folder name prefix of extracted jars in the cache root. */
    static final String FOLDER_PREFIX = "agent-";
    /** Temporary extraction folders younger than this may still be being written by another JVM. */
    static final long TEMP_GRACE_MILLIS = TimeUnit.HOURS.toMillis(1);

    /** Leases of this JVM; the channels stay open (and locked) until the JVM exits. */
    private static final Set<Path> HELD = new HashSet<>();

    private CacheLease()
    {
    }

    /**
     * Take (or keep) this JVM's shared lease on a folder.
     *
     * @param dir an existing folder of extracted jars.
     * @return true when this JVM now holds the lease; false when the folder is being pruned by another
     *         JVM or cannot be locked, so it must not be used.
     */
    static boolean hold(final Path dir)
    {
        final Path key = dir.toAbsolutePath().normalize();
        if (HELD.contains(key))
        {
            return true;
        }
        try
        {
            @SuppressWarnings("resource") // held open on purpose: closing it would release the lease
            final FileChannel channel = FileChannel.open(
                key.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null)
            {
                channel.close();
                return false;
            }
            HELD.add(key);
            return true;
        }
        catch (final IOException | OverlappingFileLockException | UnsupportedOperationException ex)
        {
            return false;
        }
    }

    /**
     * Record that a leased folder was renamed; the lock is on the lock file, which moved with it.
     *
     * @param from the old name.
     * @param to   the new name.
     */
    static void renamed(final Path from, final Path to)
    {
        if (HELD.remove(from.toAbsolutePath().normalize()))
        {
            HELD.add(to.toAbsolutePath().normalize());
        }
    }

    /**
     * Delete the folders of the cache root that no running JVM holds, except {@code keep}.
     *
     * @param root the cache root.
     * @param keep the folder this JVM uses.
     * @return how many folders were deleted.
     */
    static int pruneOthers(final Path root, final Path keep)
    {
        int deleted = 0;
        final Path kept = keep.toAbsolutePath().normalize();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, FOLDER_PREFIX + "*"))
        {
            for (final Path dir : dirs)
            {
                final Path candidate = dir.toAbsolutePath().normalize();
                if (!candidate.equals(kept) && !HELD.contains(candidate) && Files.isDirectory(candidate)
                    && !isFreshTemporary(candidate) && deleteIfUnused(candidate))
                {
                    deleted++;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // best effort: an unreadable cache root only costs disk space
        }
        return deleted;
    }

    private static boolean isFreshTemporary(final Path dir) throws IOException
    {
        if (!dir.getFileName().toString().contains(".tmp-"))
        {
            return false;
        }
        final FileTime modified = Files.getLastModifiedTime(dir);
        return System.currentTimeMillis() - modified.toMillis() < TEMP_GRACE_MILLIS;
    }

    private static boolean deleteIfUnused(final Path dir)
    {
        try (FileChannel channel = FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final FileLock lock = channel.tryLock();
            if (lock == null)
            {
                return false;
            }
            try (Stream<Path> walk = Files.walk(dir))
            {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return !Files.exists(dir);
        }
        catch (final IOException | OverlappingFileLockException | UnsupportedOperationException ex)
        {
            return false;
        }
    }
}
