package dev.sxs.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the journal from writing into a full disk. Chronicle Queue writes through a memory mapping, and a
 * mapped write to a page the file system cannot allocate is a {@code SIGBUS}: the JVM turns it into an
 * {@link InternalError} in the writing thread (or worse), and the record half written blocks the readers. So an
 * append first takes its bytes from an allowance; an exhausted allowance is renewed from the file system's free
 * space, never below the minimum free, by {@link #allowanceFor} of the room: a thousandth of it, from
 * {@link #MEASURE_EVERY_BYTES} when the disk is nearly full up to {@link #MAX_MEASURE_EVERY_BYTES} when it has a
 * gigabyte or more (as the store's {@code StoreSpace}). An append the room cannot cover is refused with a
 * {@link JournalException} that names the mount point, before anything is written.
 * <p>
 * The file store is looked up once ({@code Files.getFileStore} reads the mount table on Linux, tens of
 * microseconds); a measure is then one {@code statfs}.
 * <p>
 * Threading: {@link #reserve} runs under the journal's append lock. Allocation: none unless it refuses or
 * measures (about once per megabyte of records on a roomy disk).
 */
final class DiskSpace
{
    /** Free bytes the journal leaves on its file system by default (Chronicle grows its files by pages). */
    static final long DEFAULT_MIN_FREE_BYTES = 4L << 20;
    /** Fewest bytes appended between two measures of the free space (a nearly full disk). */
    static final long MEASURE_EVERY_BYTES = 64L << 10;
    /** Most bytes appended between two measures of the free space (a disk with a gigabyte or more of room). */
    static final long MAX_MEASURE_EVERY_BYTES = 1L << 20;
    /** The allowance is the room divided by this, within the two bounds above. */
    static final long ROOM_SHARE = 1024;

    private final Path folder;
    private final Probe probe;
    private final long minFree;
    private long allowance;

    DiskSpace(final Path folder, final Probe probe, final long minFree)
    {
        this.folder = folder;
        this.probe = probe == Probe.FILE_SYSTEM ? new CachedFileStore() : probe;
        this.minFree = minFree;
    }

    /**
     * Room for one record, or a refusal.
     *
     * @param bytes    what the record takes.
     * @param sequence the event's sequence, for the message.
     * @throws JournalException naming the mount point when the record would leave less than the minimum free.
     */
    void reserve(final long bytes, final long sequence)
    {
        allowance -= bytes;
        if (allowance < 0)
        {
            renew(bytes, sequence);
        }
    }

    private void renew(final long bytes, final long sequence)
    {
        final long free;
        try
        {
            free = probe.usableBytes(folder);
        }
        catch (final IOException ex)
        {
            allowance = MEASURE_EVERY_BYTES - bytes; // a file system that cannot say: append, as before this guard
            return;
        }
        final long room = free - minFree;
        if (room < bytes)
        {
            allowance = 0;
            throw new JournalException("journal disk full: " + describe() + ", and the journal keeps " + minFree
                + " bytes free; event " + sequence + " not journaled (journal " + folder + "; free space there or "
                + "lower journal.maxBytes)");
        }
        allowance = allowanceFor(room) - bytes;
    }

    /**
     * @param room free bytes beyond the minimum the journal keeps.
     * @return bytes the journal may append before the next measure: {@code room / }{@value #ROOM_SHARE} within
     *     [{@link #MEASURE_EVERY_BYTES}, {@link #MAX_MEASURE_EVERY_BYTES}], and never more than the room.
     */
    static long allowanceFor(final long room)
    {
        return Math.min(room, Math.max(MEASURE_EVERY_BYTES, Math.min(room / ROOM_SHARE, MAX_MEASURE_EVERY_BYTES)));
    }

    /**
     * @return the mount point and its free bytes, for messages, e.g. {@code /mnt/small has 1024 bytes free}.
     */
    String describe()
    {
        try
        {
            return probe.mountPoint(folder) + " has " + probe.usableBytes(folder) + " bytes free";
        }
        catch (final IOException ex)
        {
            return "the free space of " + folder + " is unknown (" + ex.getMessage() + ")";
        }
    }

    /** Where the free space comes from: the file system, or a test's stand-in. */
    interface Probe
    {
        /** The real file system's answer. */
        Probe FILE_SYSTEM = new Probe()
        {
            @Override
            public long usableBytes(final Path folder) throws IOException
            {
                return Files.getFileStore(folder).getUsableSpace();
            }

            @Override
            public String mountPoint(final Path folder) throws IOException
            {
                final FileStore store = Files.getFileStore(folder);
                final String text = store.toString();
                final int name = text.lastIndexOf(" (");
                return name > 0 ? text.substring(0, name) : text;
            }
        };

        /**
         * @param folder the journal folder.
         * @return bytes this process may still write on its file system.
         * @throws IOException when the file system cannot say.
         */
        long usableBytes(Path folder) throws IOException;

        /**
         * @param folder the journal folder.
         * @return the mount point of its file system.
         * @throws IOException when the file system cannot say.
         */
        String mountPoint(Path folder) throws IOException;
    }

    /** The real file system, its file store looked up on the first measure and kept. */
    private static final class CachedFileStore implements Probe
    {
        private FileStore store;

        private FileStore store(final Path folder) throws IOException
        {
            if (store == null)
            {
                store = Files.getFileStore(folder);
            }
            return store;
        }

        @Override
        public long usableBytes(final Path folder) throws IOException
        {
            return store(folder).getUsableSpace();
        }

        @Override
        public String mountPoint(final Path folder) throws IOException
        {
            return FILE_SYSTEM.mountPoint(folder);
        }
    }
}
