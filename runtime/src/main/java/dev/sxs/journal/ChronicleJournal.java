package dev.sxs.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import dev.sxs.events.Event;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
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
 * queue serialises writers with its own write lock anyway, so one appender is shared under a lock; the
 * payload is encoded by its {@link PayloadCodec} before the lock is taken, so the critical section is the raw
 * write only. {@link #info} and {@link #newReader} may be called from any thread.
 * <p>
 * Allocation: one canonical-form String per append (the printed payload), nothing else on the hot path.
 * <p>
 * Failure: an append on a closed journal or an I/O failure gives a {@link JournalException}; opening a
 * folder that cannot be written (including a JVM without {@code --add-opens java.base/sun.nio.ch}, which
 * makes Chronicle fall back to read-only) fails at once with a message saying so.
 */
public final class ChronicleJournal implements Journal
{
    /** Bytes a record takes besides its payload (header, origin, excerpt header), for the size check. */
    private static final int APPROXIMATE_RECORD_OVERHEAD = 32;

    private final Path folder;
    private final RollCycle rollCycle;
    private final RetentionSweeper retention;
    private final PayloadCodec codec;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final ReentrantLock lock = new ReentrantLock();
    private int lastCycle;
    /** The latest time recorded: a record is never stamped earlier, so times never go backwards in index order. */
    private long lastTimeNanos = Long.MIN_VALUE;
    private long bytesSinceSweep;
    private volatile boolean closed;

    private ChronicleJournal(final Builder builder)
    {
        this.folder = builder.folder;
        this.rollCycle = RollCycleNames.resolve(builder.rollCycle);
        this.codec = builder.codec;
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
            appender.singleThreadedCheckDisabled(true);
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
            return queue.createAppender();
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
    public static Builder builder(final Path folder)
    {
        return new Builder(folder);
    }

    @Override
    public long append(final Event event)
    {
        return append(event, RecordType.of(event.channel()));
    }

    @Override
    public long append(final Event event, final RecordType type)
    {
        final String payload = codec.encode(event.payload());
        lock.lock();
        try
        {
            if (closed)
            {
                throw new JournalException("journal " + folder + " is closed: event " + event.sequence()
                    + " not appended");
            }
            try (DocumentContext dc = appender.writingDocument())
            {
                try
                {
                    final long time = Math.max(event.timestampNanos(), lastTimeNanos);
                    JournalFormat.write(event, type, payload, time, dc.wire().bytes());
                    lastTimeNanos = time;
                }
                catch (final RuntimeException ex)
                {
                    dc.rollbackOnClose();
                    throw ex;
                }
            }
            final int cycle = appender.cycle();
            bytesSinceSweep += payload.length() + APPROXIMATE_RECORD_OVERHEAD;
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
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new JournalException("journal append to " + folder + " failed for event " + event.sequence() + ": "
                + ex, ex);
        }
        finally
        {
            lock.unlock();
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
            appender.close();
            queue.close();
            BackgroundResourceReleaser.releasePendingResources();
        }
        finally
        {
            lock.unlock();
        }
    }

    @Override
    public String toString()
    {
        return "ChronicleJournal[" + folder + ", " + RollCycleNames.nameOf(rollCycle) + "]";
    }

    /**
     * Options of a {@link ChronicleJournal}. Not thread-safe; use once.
     */
    public static final class Builder
    {
        private final Path folder;
        private String rollCycle = JournalOptions.DEFAULT_ROLL_CYCLE;
        private int retainCycles;
        private long maxBytes;
        private TimeProvider timeProvider = SystemTimeProvider.INSTANCE;
        private PayloadCodec codec = PayloadCodec.PLAIN_TEXT;

        private Builder(final Path folder)
        {
            this.folder = folder;
        }

        /**
         * @param name a roll cycle name (see {@link RollCycleNames}).
         * @return this.
         */
        public Builder rollCycle(final String name)
        {
            this.rollCycle = name;
            return this;
        }

        /**
         * @param cycles the number of newest roll cycles to keep; 0 keeps all.
         * @return this.
         */
        public Builder retainCycles(final int cycles)
        {
            if (cycles < 0)
            {
                throw new IllegalArgumentException("retainCycles must be >= 0: " + cycles);
            }
            this.retainCycles = cycles;
            return this;
        }

        /**
         * @param bytes the bound on the cycle files' total size; the oldest cycles are deleted beyond it, never
         *              the one being written; 0 keeps all.
         * @return this.
         */
        public Builder maxBytes(final long bytes)
        {
            if (bytes < 0)
            {
                throw new IllegalArgumentException("maxBytes must be >= 0: " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /**
         * @param timeProvider the clock that decides roll cycles (tests use a settable one).
         * @return this.
         */
        public Builder timeProvider(final TimeProvider timeProvider)
        {
            this.timeProvider = timeProvider;
            return this;
        }

        /**
         * @param codec how payloads become record text (the runtime passes its language's codec);
         *              {@link PayloadCodec#PLAIN_TEXT} by default.
         * @return this.
         */
        public Builder payloadCodec(final PayloadCodec codec)
        {
            this.codec = java.util.Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * @return the open journal.
         * @throws JournalException when the folder cannot be opened for appending.
         * @throws IllegalArgumentException when the roll cycle name is unknown.
         */
        public ChronicleJournal open()
        {
            return new ChronicleJournal(this);
        }
    }
}
