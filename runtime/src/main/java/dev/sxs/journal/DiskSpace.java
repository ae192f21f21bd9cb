package dev.sxs.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the journal from writing into a full disk. Chronicle Queue writes through a memory mapping, and a
 * mapped write to a page the file system cannot allocate is a {@code SIGBUS}: the JVM turns it into an
 * {@link InternalError} in the writing thread (or worse), and the record half written blocks the readers. So an
 * append first asks for room: the free space of the journal's file system is measured every
 * {@link #MEASURE_EVERY_BYTES} bytes appended, and in between estimated by subtracting what was appended; an
 * append that would leave less than the minimum free is refused with a {@link JournalException} that names
 * the mount point, before anything is written.
 * <p>
 * Threading: {@link #reserve} runs under the journal's append lock. Allocation: none unless it refuses or
 * measures (a {@code statfs} call, about once per 64 KiB of records).
 */
final class DiskSpace
{
    /** Free bytes the journal leaves on its file system by default (Chronicle grows its files by pages). */
    static final long DEFAULT_MIN_FREE_BYTES = 4L << 20;
    /** Appended bytes between two measures of the free space. */
    static final long MEASURE_EVERY_BYTES = 64L << 10;

    private final Path folder;
    private final Probe probe;
    private final long minFree;
    private long estimate;
    private long sinceMeasure = MEASURE_EVERY_BYTES;

    DiskSpace(final Path folder, final Probe probe, final long minFree)
    {
        this.folder = folder;
        this.probe = probe;
        this.minFree = minFree;
    }

    /**
     * Room for one record, or a refusal.
     *
     * @param bytes    about what the record takes.
     * @param sequence the event's sequence, for the message.
     * @throws JournalException naming the mount point when the record would leave less than the minimum free.
     */
    void reserve(final long bytes, final long sequence)
    {
        sinceMeasure += bytes;
        estimate -= bytes;
        if (sinceMeasure >= MEASURE_EVERY_BYTES || estimate < minFree)
        {
            measure();
        }
        if (estimate < minFree)
        {
            throw new JournalException("journal disk full: " + describe() + ", and the journal keeps " + minFree
                + " bytes free; event " + sequence + " not journaled (journal " + folder + "; free space there or "
                + "lower journal.maxBytes)");
        }
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

    private void measure()
    {
        sinceMeasure = 0;
        try
        {
            estimate = probe.usableBytes(folder);
        }
        catch (final IOException ex)
        {
            estimate = Long.MAX_VALUE / 2; // a file system that cannot say: append, as before this guard
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
}
