package dev.sxs.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Read access to a journal folder: metadata and tailers for {@link Replay}. Opened read-only with
 * {@link #open(Path)}, which works while another process appends to the same folder, or obtained from a
 * live {@link ChronicleJournal#newReader()}.
 * <p>
 * Threading: use one reader from one thread at a time (tailers are single-threaded). Close it when done;
 * closing a reader obtained from a live journal leaves the journal open.
 */
public final class JournalReader implements AutoCloseable
{
    /** Name of the metadata file Chronicle Queue keeps in every queue folder. */
    public static final String METADATA_FILE = "metadata.cq4t";

    private final Path folder;
    private final SingleChronicleQueue queue;
    private final boolean owned;
    private boolean closed;

    JournalReader(final Path folder, final SingleChronicleQueue queue, final boolean owned)
    {
        this.folder = folder;
        this.queue = queue;
        this.owned = owned;
    }

    /**
     * Open a journal folder read-only.
     *
     * @param folder the folder.
     * @return the reader; close it when done.
     * @throws JournalException when the folder is missing or holds no journal, with a message saying which.
     */
    public static JournalReader open(final Path folder)
    {
        if (!Files.exists(folder))
        {
            throw new JournalException("not a journal folder: " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder))
        {
            throw new JournalException("not a journal folder: " + folder + " is not a directory");
        }
        if (!Files.isRegularFile(folder.resolve(METADATA_FILE)))
        {
            final Path inside = folder.resolve("journal");
            final String hint = Files.isRegularFile(inside.resolve(METADATA_FILE))
                ? "; this looks like an sxs data folder: its journal is " + inside
                : "";
            throw new JournalException("not a journal folder: " + folder + " has no " + METADATA_FILE
                + " (a journal folder holds Chronicle Queue files" + hint + ")");
        }
        try
        {
            final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(folder).readOnly(true).build();
            return new JournalReader(folder, queue, true);
        }
        catch (final RuntimeException ex)
        {
            throw new JournalException("cannot open journal folder " + folder + " read-only: " + ex, ex);
        }
    }

    /**
     * @return the folder.
     */
    public Path folder()
    {
        return folder;
    }

    /**
     * @return the number of records in the journal now.
     */
    public long records()
    {
        return queue.entryCount();
    }

    /**
     * @return a snapshot of the journal's metadata.
     */
    public JournalInfo info()
    {
        final long records = queue.entryCount();
        final String roll = RollCycleNames.nameOf(queue.rollCycle());
        if (records == 0)
        {
            return new JournalInfo(folder, 0, Journal.NO_INDEX, Journal.NO_INDEX, 0, 0, sizeOnDisk(folder), roll);
        }
        final JournalEntry entry = new JournalEntry();
        long firstIndex = Journal.NO_INDEX;
        long firstTime = 0;
        long lastIndex = Journal.NO_INDEX;
        long lastTime = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (readHeader(tailer.toStart(), entry))
            {
                firstIndex = entry.index();
                firstTime = entry.timestampNanos();
            }
            if (readHeader(tailer.direction(TailerDirection.BACKWARD).toEnd(), entry))
            {
                lastIndex = entry.index();
                lastTime = entry.timestampNanos();
            }
        }
        return new JournalInfo(folder, records, firstIndex, lastIndex, firstTime, lastTime, sizeOnDisk(folder), roll);
    }

    /**
     * The newest records, oldest first (for JMX {@code tail(n)}).
     *
     * @param count how many records at most.
     * @return up to {@code count} records, in journal order.
     * @throws JournalException when a record cannot be read.
     */
    public List<JournalRecord> tail(final int count)
    {
        final ArrayDeque<JournalRecord> newest = new ArrayDeque<>();
        if (count <= 0)
        {
            return List.of();
        }
        final JournalEntry entry = new JournalEntry();
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            while (newest.size() < count)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    JournalFormat.readHeader(dc.index(), bytes, entry);
                    JournalFormat.readBody(bytes, entry);
                    newest.addFirst(entry.toRecord());
                }
            }
        }
        return new ArrayList<>(newest);
    }

    /**
     * The records a request selects before its channel and topic filters, found by binary search over the
     * index: the later of {@code fromIndex} and the first record stamped at or after {@code since}, to the
     * earliest of {@code toIndex}, the last record and the last record stamped at or before {@code until}
     * (time bounds inclusive; journal times never go backwards in index order).
     *
     * @param request the request.
     * @return the range; {@link JournalRange#EMPTY} when nothing matches.
     */
    public JournalRange range(final ReplayRequest request)
    {
        // no cycle file (a folder with only the metadata): Chronicle's count would fail to reach an end
        if (!hasCycleFiles(folder) || queue.entryCount() == 0)
        {
            return JournalRange.EMPTY;
        }
        try (JournalSearch search = new JournalSearch(queue))
        {
            final long from = request.fromIndex();
            long first = search.firstIndexAtOrAfter(Math.max(from, queue.firstIndex()));
            if (first != JournalSearch.NONE && request.sinceNanos() != Long.MIN_VALUE)
            {
                final long since = search.firstAtOrAfter(request.sinceNanos());
                first = since == JournalSearch.NONE ? JournalSearch.NONE : Math.max(first, since);
            }
            long last = request.toIndex() < queue.firstIndex() ? JournalSearch.NONE
                : search.lastIndexAtOrBefore(Math.min(request.toIndex(), queue.lastIndex()));
            if (last != JournalSearch.NONE && request.untilNanos() != Long.MAX_VALUE)
            {
                final long until = search.lastAtOrBefore(request.untilNanos());
                last = until == JournalSearch.NONE ? JournalSearch.NONE : Math.min(last, until);
            }
            if (first == JournalSearch.NONE || last == JournalSearch.NONE || first > last)
            {
                return JournalRange.EMPTY;
            }
            return new JournalRange(first, last, queue.countExcerpts(first, last) + 1);
        }
    }

    private static boolean hasCycleFiles(final Path folder)
    {
        try (DirectoryStream<Path> cycles = Files.newDirectoryStream(folder, "*" + SingleChronicleQueue.SUFFIX))
        {
            return cycles.iterator().hasNext();
        }
        catch (final IOException ex)
        {
            return true; // let Chronicle say what is wrong
        }
    }

    SingleChronicleQueue queue()
    {
        return queue;
    }

    private static boolean readHeader(final ExcerptTailer tailer, final JournalEntry entry)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            JournalFormat.readHeader(dc.index(), bytes, entry);
            return true;
        }
    }

    /**
     * @param folder a journal folder.
     * @return the total length of its files in bytes (Chronicle pre-allocates cycle files sparsely, so
     *         this is what the files claim, which can exceed the blocks really used).
     */
    public static long sizeOnDisk(final Path folder)
    {
        long size = 0;
        if (folder == null || !Files.isDirectory(folder))
        {
            return 0;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder))
        {
            for (final Path file : stream)
            {
                if (Files.isRegularFile(file))
                {
                    size += Files.size(file);
                }
            }
        }
        catch (final IOException ex)
        {
            // a file that vanished (retention) counts as nothing
        }
        return size;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (owned)
        {
            queue.close();
            BackgroundResourceReleaser.releasePendingResources();
        }
    }
}
