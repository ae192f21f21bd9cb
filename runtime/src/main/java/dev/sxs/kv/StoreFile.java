package dev.sxs.kv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * Brings {@code <data>/store.dat} into a state that an ordinary Chronicle Map open can map, without ever
 * leaving a half-made or half-recovered {@code store.dat} behind:
 * <ul>
 * <li>a new store is created completely under the name {@code store.dat.creating} and then renamed to
 * {@code store.dat} in one atomic step;</li>
 * <li>a store whose owner died (no {@code store.clean}) between two changes (no segment's update or write lock
 * and not the global lock of the map held in the file, {@link SegmentLocks}) is complete as it is and opens in
 * place;</li>
 * <li>a store whose owner died in the middle of a change of some segments (their update or write lock held, the
 * global lock free) opens in place once those segments alone are repaired, their bytes first saved to a side
 * file so that a kill during the repair repeats it ({@link SegmentRepair});</li>
 * <li>a store whose owner died holding the global lock (or whose repair cannot be proven) is copied to
 * {@code store.dat.recovering}, the copy is recovered by Chronicle ({@code recoverPersistedTo}) and renamed over
 * {@code store.dat}. {@code store.dat} itself is never recovered by Chronicle in place, so a process killed during
 * that recovery leaves it as the crashed owner left it, and the next start recovers it again from the start;</li>
 * <li>leftover temporary files of a start that died are deleted before anything else.</li>
 * </ul>
 * Chronicle marks a file it recovers {@code NOT_COMPLETE} in its header until recovery ends, and every later
 * open of such a file waits 60 s for the bit to clear. The copy's bit is cleared before recovery, so even a
 * {@code store.dat} left by an older sxs that recovered in place opens without that wait.
 * <p>
 * Threading: called by one thread while it holds the data folder's {@link DataFolderLock}. Failure: an
 * {@link IOException} naming the file and what was being done; the temporary file is deleted.
 */
final class StoreFile
{
    /** Suffix of the file a new store is created in before it is renamed into place. */
    static final String CREATING_SUFFIX = ".creating";
    /** Suffix of the copy a crashed store is recovered in before it is renamed into place. */
    static final String RECOVERING_SUFFIX = ".recovering";

    /** Offset of Chronicle Map's header size word (little-endian int) in a persisted map file. */
    static final int SIZE_WORD_OFFSET = 8;
    /** The size word's bit that Chronicle sets while the file is being created or recovered. */
    static final int NOT_COMPLETE = 0x80000000;

    private StoreFile()
    {
    }

    /**
     * Make {@code file} a complete, ready store file: create it when it is missing or empty; when {@code recover}
     * is true (or a repair of an earlier start was cut short), open it in place, repairing the segments its dead
     * owner was changing ({@link SegmentRepair}), or recover a copy of it when that cannot be proven enough;
     * leave it alone otherwise. Leftover temporary files are deleted first.
     *
     * @param builder the store's map builder (its sizing applies to a new file only).
     * @param file    {@code <data>/store.dat}.
     * @param recover whether the file's previous owner died with it open.
     * @return how the file was brought up.
     * @throws IOException when creating, copying, recovering, repairing or renaming fails.
     */
    static StoreRecovery prepare(final ChronicleMapBuilder<String, String> builder, final Path file,
        final boolean recover) throws IOException
    {
        final Path creating = sibling(file, CREATING_SUFFIX);
        final Path recovering = sibling(file, RECOVERING_SUFFIX);
        final Path repairing = sibling(file, TierBackup.SUFFIX);
        Files.deleteIfExists(creating);
        Files.deleteIfExists(recovering);
        if (!Files.exists(file) || Files.size(file) == 0)
        {
            Files.deleteIfExists(repairing);
            replaceWith(creating, file, "create", () -> requireRoom(builder.createPersistedTo(creating.toFile()),
                creating));
            return StoreRecovery.NONE;
        }
        if (!recover && !Files.exists(repairing))
        {
            return StoreRecovery.NONE;
        }
        if (!isNotComplete(file))
        {
            final int repaired = SegmentRepair.open(builder, file);
            if (repaired != SegmentRepair.COPY_NEEDED)
            {
                return repaired == 0 ? StoreRecovery.IN_PLACE : StoreRecovery.REPAIRED;
            }
        }
        Files.deleteIfExists(repairing);
        replaceWith(recovering, file, "recover", () ->
        {
            Files.copy(file, recovering, StandardCopyOption.REPLACE_EXISTING);
            clearNotComplete(recovering);
            return builder.recoverPersistedTo(recovering.toFile(), true);
        });
        return StoreRecovery.RECOVERED_COPY;
    }

    /** Whether Chronicle's header of the file says it is still being created or recovered (then never in place). */
    private static boolean isNotComplete(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(word, SIZE_WORD_OFFSET);
            return (word.getInt(0) & NOT_COMPLETE) != 0;
        }
    }

    private static void replaceWith(final Path temporary, final Path file, final String action,
        final MapMaker maker) throws IOException
    {
        try
        {
            // not forced to the device: the store survives a crash of the process, not of the machine (store.md),
            // and forcing a 128 MiB copy took seconds of every start after a crash on a busy disk
            maker.make().close();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException | RuntimeException ex)
        {
            try
            {
                Files.deleteIfExists(temporary);
            }
            catch (final IOException suppressed)
            {
                ex.addSuppressed(suppressed);
            }
            throw new IOException("cannot " + action + " store " + file.toAbsolutePath() + " (through "
                + temporary.getFileName() + "): " + ex.getMessage() + freeSpace(file), ex);
        }
    }

    /**
     * The new file is sparse and takes its blocks as keys arrive (no {@code posix_fallocate}): refuse a store
     * whose full length the disk could not hold now, as a pre-allocating create would have failed.
     */
    private static ChronicleMap<String, String> requireRoom(final ChronicleMap<String, String> map,
        final Path created) throws IOException
    {
        final long length = Files.size(created);
        final long free = Files.getFileStore(folderOf(created)).getUsableSpace();
        if (free < length + StoreSpace.DEFAULT_MIN_FREE_BYTES)
        {
            map.close();
            throw new IOException("the store grows to " + length + " bytes as keys arrive, and the disk needs "
                + StoreSpace.DEFAULT_MIN_FREE_BYTES + " more free; lower kv.entries or free space");
        }
        return map;
    }

    private static void clearNotComplete(final Path copy) throws IOException
    {
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(word, SIZE_WORD_OFFSET);
            final int sizeWord = word.getInt(0);
            if ((sizeWord & NOT_COMPLETE) != 0)
            {
                word.clear();
                word.putInt(0, sizeWord & ~NOT_COMPLETE);
                channel.write(word, SIZE_WORD_OFFSET);
            }
        }
    }

    private static String freeSpace(final Path file)
    {
        try
        {
            final Path folder = folderOf(file);
            return " (" + Files.getFileStore(folder).getUsableSpace() + " bytes free in " + folder + ")";
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    private static Path folderOf(final Path file)
    {
        final Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    private static Path sibling(final Path file, final String suffix)
    {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** Opens the temporary map; the caller closes it. */
    @FunctionalInterface
    private interface MapMaker
    {
        ChronicleMap<String, String> make() throws IOException;
    }
}
