package dev.sxs.journal;

import java.nio.file.Path;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * Options of a {@link ChronicleJournal}. Not thread-safe; use once.
 */
public final class ChronicleJournalBuilder
{
    final Path folder;
    String rollCycle = JournalOptions.DEFAULT_ROLL_CYCLE;
    int retainCycles;
    long maxBytes;
    TimeProvider timeProvider = SystemTimeProvider.INSTANCE;
    PayloadCodec codec = PayloadCodec.PLAIN_TEXT;
    JournalSync sync = JournalOptions.DEFAULT_SYNC;
    long minFreeBytes = DiskSpace.DEFAULT_MIN_FREE_BYTES;
    DiskSpace.Probe probe = DiskSpace.Probe.FILE_SYSTEM;

    ChronicleJournalBuilder(final Path folder)
    {
        this.folder = folder;
    }

    /**
     * @param name a roll cycle name (see {@link RollCycleNames}).
     * @return this.
     */
    public ChronicleJournalBuilder rollCycle(final String name)
    {
        this.rollCycle = name;
        return this;
    }

    /**
     * @param cycles the number of newest roll cycles to keep; 0 keeps all.
     * @return this.
     */
    public ChronicleJournalBuilder retainCycles(final int cycles)
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
    public ChronicleJournalBuilder maxBytes(final long bytes)
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
    public ChronicleJournalBuilder timeProvider(final TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        return this;
    }

    /**
     * @param codec how payloads become record text (the runtime passes its language's codec);
     *              {@link PayloadCodec#PLAIN_TEXT} by default.
     * @return this.
     */
    public ChronicleJournalBuilder payloadCodec(final PayloadCodec codec)
    {
        this.codec = java.util.Objects.requireNonNull(codec, "codec");
        return this;
    }

    /**
     * @param mode when records are forced to the device ({@link JournalOptions#DEFAULT_SYNC} by default).
     * @return this.
     */
    public ChronicleJournalBuilder sync(final JournalSync mode)
    {
        this.sync = java.util.Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * @param bytes free bytes an append must leave on the journal's file system, else it is refused;
     *              4 MiB by default.
     * @return this.
     */
    public ChronicleJournalBuilder minFreeBytes(final long bytes)
    {
        if (bytes < 0)
        {
            throw new IllegalArgumentException("minFreeBytes must be >= 0: " + bytes);
        }
        this.minFreeBytes = bytes;
        return this;
    }

    /**
     * @param freeSpace where the free space is measured (tests stand in for a full disk).
     * @return this.
     */
    ChronicleJournalBuilder freeSpace(final DiskSpace.Probe freeSpace)
    {
        this.probe = freeSpace;
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
