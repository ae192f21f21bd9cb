package dev.sxs.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import net.openhft.chronicle.map.ChronicleMap;

/**
 * The clean shutdown marker {@code <data>/store.clean} and the index file {@code store.index} it vouches for.
 * <p>
 * A clean close writes the index file with a fresh random stamp ({@link IndexFile}), closes the map, then
 * writes the marker naming the same stamp ({@code index <hex>}); an open reads the stamp, accepts the index
 * file only when it carries that stamp and the map's entry count (and, once loaded, its checksum), then deletes
 * both files before the store serves anything (an open reader still reads the deleted file). So the index file
 * is trusted only right after the clean close that wrote it: after a crash there is no marker, and an index
 * file from an earlier close has another stamp. A marker written by an older
 * sxs (no stamp) still means a clean close, without an index.
 * <p>
 * Threading: called by the thread that opens or closes the store, under the data folder's lock. Failure:
 * {@link IOException} from the marker's file operations ({@link #close}: unchecked); an untrusted index is not a
 * failure (null).
 */
final class CleanShutdown
{
    private static final String STAMP_PREFIX = "index ";

    private CleanShutdown()
    {
    }

    /**
     * @param marker the marker's path.
     * @return true when the store was closed cleanly (the marker exists).
     */
    static boolean wasClean(final Path marker)
    {
        return Files.exists(marker);
    }

    /**
     * Open the index file the last clean close left, if its header matches the marker, then delete the marker
     * and the file (the returned reader still reads it).
     *
     * @param marker  the marker's path ({@code <data>/store.clean}); it must exist.
     * @param entries the map's entry count.
     * @return a reader of the keys, or null when there is no index file that can be trusted.
     * @throws IOException when the marker cannot be read or either file cannot be deleted.
     */
    static IndexFile.Reader takeIndex(final Path marker, final long entries) throws IOException
    {
        final Path folder = marker.toAbsolutePath().getParent();
        IndexFile.Reader index = null;
        final Long stamp = stamp(marker);
        if (stamp != null && folder != null)
        {
            index = IndexFile.open(folder, stamp, entries);
        }
        discard(marker);
        return index;
    }

    /**
     * Delete a marker and index file without reading them (a store that is recovered trusts neither).
     *
     * @param marker the marker's path.
     * @throws IOException when a file cannot be deleted.
     */
    static void discard(final Path marker) throws IOException
    {
        Files.deleteIfExists(marker);
        Files.deleteIfExists(marker.resolveSibling(IndexFile.NAME));
        Files.deleteIfExists(marker.resolveSibling(IndexFile.NAME + IndexFile.WRITING_SUFFIX));
    }

    /**
     * Write the index file for the next open (before the map is closed).
     *
     * @param folder the data folder.
     * @param index  the complete index, or null when it is not complete (no file is written then).
     * @return the stamp to put in the marker, or 0 when no index file was written.
     * @throws IOException when the file cannot be written.
     */
    static long writeIndex(final Path folder, final ChunkedKeyIndex index) throws IOException
    {
        if (index == null)
        {
            return 0;
        }
        long stamp = 0;
        while (stamp == 0)
        {
            stamp = ThreadLocalRandom.current().nextLong();
        }
        IndexFile.write(folder, index, stamp);
        return stamp;
    }

    /**
     * Write the marker, last of all, after the map is closed.
     *
     * @param marker the marker's path.
     * @param stamp  the index file's stamp, or 0 for none.
     * @throws IOException when it cannot be written.
     */
    static void writeMarker(final Path marker, final long stamp) throws IOException
    {
        final String text = "closed cleanly by pid " + ProcessHandle.current().pid() + "\n"
            + (stamp == 0 ? "" : STAMP_PREFIX + Long.toHexString(stamp) + "\n");
        Files.writeString(marker, text, StandardCharsets.UTF_8);
    }

    /**
     * Close a store: stop its indexer (which applies what is pending), write the index file when the index is
     * complete, close the map, write the marker naming the index file's stamp, and release the data folder, even
     * when a step before failed. An in-memory store (no lock) only stops its indexer and closes its map.
     *
     * @param map   the store's map.
     * @param index the store's key index.
     * @param lock  the data folder's lock, or null for a store in memory.
     * @throws UncheckedIOException when the index file or the marker cannot be written (the map is closed and
     *                              the folder released all the same; the next open recovers).
     */
    static void close(final ChronicleMap<String, String> map, final WriteBehindKeyIndex index,
        final DataFolderLock lock)
    {
        final Path folder = lock == null ? null : lock.folder();
        try
        {
            index.close();
            final long stamp = folder == null ? 0 : writeIndex(folder, index.complete() ? index.index() : null);
            map.close();
            if (folder != null)
            {
                writeMarker(folder.resolve(ChronicleKvStore.CLEAN_MARKER), stamp);
            }
        }
        catch (final IOException ex)
        {
            map.close();
            throw new UncheckedIOException("cannot write the clean shutdown marker or key index in " + folder + ": "
                + ex.getMessage(), ex);
        }
        finally
        {
            if (lock != null)
            {
                lock.close();
            }
        }
    }

    private static Long stamp(final Path marker) throws IOException
    {
        final String text;
        try
        {
            text = Files.readString(marker, StandardCharsets.ISO_8859_1);
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
        for (final String line : text.split("\n"))
        {
            if (line.startsWith(STAMP_PREFIX))
            {
                try
                {
                    return Long.parseUnsignedLong(line.substring(STAMP_PREFIX.length()).trim(), 16);
                }
                catch (final NumberFormatException ex)
                {
                    return null;
                }
            }
        }
        return null;
    }
}
