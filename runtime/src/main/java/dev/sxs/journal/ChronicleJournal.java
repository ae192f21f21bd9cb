package dev.sxs.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import dev.sxs.events.Event;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The event journal on Chronicle Queue: one compact binary record per event ({@link JournalFormat}),
 * in a folder of roll-cycle files, with optional retention of the newest N cycles and of at most a number
 * of bytes (the oldest cycles go first, never the one being written).
 * <p>
 * Threading: {@link #append} is safe from many threads. Chronicle appenders are single-threaded and the
 * queue serialises writers with its own write lock anyway, so one appender is shared under a lock, and the
 * payload is printed under it too, into one reused buffer ({@link RecordWriter}; the dispatcher appends under
 * its own publish lock in any case). {@link #info} and {@link #newReader} may be called from any thread.
 * <p>
 * Allocation: none per append when the {@link PayloadCodec} prints straight into the buffer (the language's
 * codec, for its common values); a codec that makes a String allocates that.
 * <p>
 * Failure: an append on a closed journal or an I/O failure gives a {@link JournalException}; opening a
 * folder that cannot be written (including a JVM without {@code --add-opens java.base/sun.nio.ch}, which
 * makes Chronicle fall back to read-only) fails at once with a message saying so.
 */
public final class ChronicleJournal implements Journal
{
    private static final System.Logger LOG = System.getLogger(ChronicleJournal.class.getName());

    private final Path folder;
    private final RollCycle rollCycle;
    private final RetentionSweeper retention;
    private final RecordWriter records;
    private final SingleChronicleQueue queue;
    private final DiskSpace space;
    private final JournalSyncer syncer;
    private final ReentrantLock lock = new ReentrantLock();
    private final ExcerptAppender appender;
    private int lastCycle;
    /** The latest time recorded: a record is never stamped earlier, so times never go backwards in index order. */
    private long lastTimeNanos = Long.MIN_VALUE;
    private long bytesSinceSweep;
    private volatile boolean closed;
    private volatile String lastFailure = "";

    ChronicleJournal(final ChronicleJournalBuilder builder)
    {
        this.folder = builder.folder;
        this.rollCycle = RollCycleNames.resolve(builder.rollCycle);
        this.records = new RecordWriter(builder.codec);
        this.space = new DiskSpace(folder, builder.probe, builder.minFreeBytes);
        this.syncer = new JournalSyncer(builder.sync);
        try
        {
            Files.createDirectories(folder);
            this.queue = SingleChronicleQueueBuilder.binary(folder)
                .rollCycle(rollCycle)
                .timeProvider(builder.timeProvider)
                .build();
        }
        catch (final Exception ex)
        {
            throw new JournalException("cannot open journal folder " + folder + ": " + ex, ex);
        }
        try
        {
            this.appender = createAppender(queue, folder);
            this.retention = new RetentionSweeper(folder, builder.retainCycles, builder.maxBytes);
            this.lastCycle = queue.cycle();
            this.lastTimeNanos = lastRecordedTime(queue);
            retention.sweep(queue);
        }
        catch (final JournalException ex)
        {
            queue.close();
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw new JournalException("cannot append to journal folder " + folder + ": " + ex, ex);
        }
    }

    private static ExcerptAppender createAppender(final SingleChronicleQueue queue, final Path folder)
    {
        try
        {
            final ExcerptAppender created = queue.createAppender();
            created.singleThreadedCheckDisabled(true);
            return created;
        }
        catch (final RuntimeException ex)
        {
            final String message = String.valueOf(ex.getMessage());
            if (message.contains("read-only") || message.contains("read only"))
            {
                throw new JournalException("journal folder " + folder + " opened read-only, cannot append: Chronicle "
                    + "Queue needs --add-opens java.base/sun.nio.ch=ALL-UNNAMED (and the other sxs JVM flags) ("
                    + message + ")", ex);
            }
            throw ex;
        }
    }

    /** The time of the journal's last record, or Long.MIN_VALUE when it has none. */
    private static long lastRecordedTime(final SingleChronicleQueue queue)
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
             DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return Long.MIN_VALUE;
            }
            final JournalEntry last = new JournalEntry();
            JournalFormat.readHeader(dc.index(), dc.wire().bytes(), last);
            return last.timestampNanos();
        }
        catch (final JournalException ex)
        {
            return Long.MIN_VALUE; // an unreadable last record: the next append sets the floor
        }
    }

    /**
     * @param folder the journal folder (created when missing).
     * @return a builder with the defaults: {@link JournalOptions#DEFAULT_ROLL_CYCLE}, keep all cycles, no byte
     *     bound (the runtime passes {@link JournalOptions#maxBytes()}, bounded by default).
     */
    public static ChronicleJournalBuilder builder(final Path folder)
    {
        return new ChronicleJournalBuilder(folder);
    }

    @Override
    public long append(final Event event)
    {
        return append(event, RecordType.of(event.channel()));
    }

    @Override
    public long append(final Event event, final RecordType type)
    {
        lock.lock();
        try
        {
            if (closed)
            {
                throw new JournalException("journal " + folder + " is closed: event " + event.sequence()
                    + " not appended");
            }
            final int bytes = records.encode(event);
            space.reserve(bytes, event.sequence());
            write(event, type);
            if (syncer.forcing())
            {
                syncer.written(appender.currentFile());
            }
            final int cycle = appender.cycle();
            bytesSinceSweep += bytes;
            final long checkEvery = retention.checkEveryBytes();
            if (cycle != lastCycle || checkEvery > 0 && bytesSinceSweep >= checkEvery)
            {
                lastCycle = cycle;
                bytesSinceSweep = 0;
                retention.sweep(queue);
            }
            return appender.lastIndexAppended();
        }
        catch (final JournalException ex)
        {
            lastFailure = ex.getMessage();
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            lastFailure = "journal append to " + folder + " failed for event " + event.sequence() + ": "
                + reason(ex);
            throw new JournalException(lastFailure, ex);
        }
        catch (final InternalError fault)
        {
            // the SIGBUS of a mapped write; HotSpot may raise it a little after the faulting access, anywhere here
            final JournalException error = new JournalException("journal write to " + folder + " failed for event "
                + event.sequence() + ": the journal file could not be written (a fault in its memory mapping: the "
                + "disk is full or failing; " + space.describe() + ")", fault);
            resetAfterFault(error);
            lastFailure = error.getMessage();
            throw error;
        }
        finally
        {
            lock.unlock();
        }
    }

    /** The innermost cause's message: what went wrong, without the wrapping exceptions' class names. */
    private static String reason(final Throwable error)
    {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public String lastFailure()
    {
        return lastFailure;
    }

    /** One record; rolled back when encoding it fails. */
    private void write(final Event event, final RecordType type)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            try
            {
                final long time = Math.max(event.timestampNanos(), lastTimeNanos);
                records.write(event, type, time, dc.wire().bytes());
                lastTimeNanos = time;
            }
            catch (final RuntimeException ex)
            {
                dc.rollbackOnClose();
                throw ex;
            }
        }
    }

    /**
     * Release the write lock a failed write may still hold. The appender stays: Chronicle hands out one appender
     * per thread, and a closed one cannot be replaced.
     */
    private void resetAfterFault(final JournalException error)
    {
        try
        {
            QueueWriteLock.releaseIfHeld(queue);
        }
        catch (final RuntimeException | InternalError again)
        {
            error.addSuppressed(again);
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * On a closed journal: the folder, size and roll cycle, with no records.
     */
    @Override
    public JournalInfo info()
    {
        if (!closed)
        {
            try (JournalReader reader = newReader())
            {
                return reader.info();
            }
            catch (final RuntimeException ex)
            {
                if (!closed)
                {
                    throw new JournalException("cannot read the metadata of journal " + folder + ": " + ex, ex);
                }
            }
        }
        return new JournalInfo(folder, 0, NO_INDEX, NO_INDEX, 0, 0, JournalReader.sizeOnDisk(folder),
            RollCycleNames.nameOf(rollCycle));
    }

    /**
     * A reader over this journal's queue, for replay while the journal is open. Closing the reader does
     * not close the journal.
     *
     * @return a new reader; use it from one thread.
     */
    public JournalReader newReader()
    {
        return new JournalReader(folder, queue, false);
    }

    @Override
    public boolean isEnabled()
    {
        return true;
    }

    /**
     * @return the journal folder.
     */
    public Path folder()
    {
        return folder;
    }

    /**
     * @return cycle files deleted by retention since this journal opened. Any thread.
     */
    public long cyclesDeleted()
    {
        return retention.deleted();
    }

    /**
     * @return times the journal file was forced to the device ({@code journal.sync}); any thread.
     */
    long syncForces()
    {
        return syncer.forces();
    }

    /**
     * @return the roll cycle in use.
     */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    /**
     * Close the queue and unmap its files before returning (Chronicle would otherwise release the
     * mappings later on its background releaser thread). Idempotent; waits for an append in progress.
     */
    @Override
    public void close()
    {
        lock.lock();
        try
        {
            if (closed)
            {
                return;
            }
            closed = true;
            try
            {
                syncer.close();
            }
            finally
            {
                closeQueue();
            }
        }
        finally
        {
            lock.unlock();
        }
    }

    /** Close the appender and queue, releasing the write lock a failed write may have left held. */
    private void closeQueue()
    {
        try
        {
            appender.close();
        }
        catch (final RuntimeException | InternalError ex)
        {
            // a faulted appender may fail to close: the lock release below is what matters
            LOG.log(System.Logger.Level.WARNING, "journal " + folder + ": appender failed to close: " + ex);
        }
        finally
        {
            try
            {
                QueueWriteLock.releaseIfHeld(queue);
            }
            finally
            {
                queue.close();
                BackgroundResourceReleaser.releasePendingResources();
            }
        }
    }

    @Override
    public String toString()
    {
        return "ChronicleJournal[" + folder + ", " + RollCycleNames.nameOf(rollCycle) + "]";
    }
}
