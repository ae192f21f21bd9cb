package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.runtime.ValuePayloadCodec;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.threads.Pauser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal on a disk that fills up: refused before anything is written, with the mount point named; and a
 * write lock that a failed write left held is released at close. The free space is a stand-in here;
 * integration-tests {@code JournalFullDiskIT} fills a real tmpfs.
 */
class JournalFullDiskTest
{
    private static final long MIB = 1 << 20;
    private static final long T0 = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli() * 1_000_000L;

    @TempDir
    Path dir;

    /** A file system at {@code /mnt/small} whose free space the test sets. */
    private static DiskSpace.Probe disk(final AtomicLong free)
    {
        return new DiskSpace.Probe()
        {
            @Override
            public long usableBytes(final Path folder)
            {
                return free.get();
            }

            @Override
            public String mountPoint(final Path folder)
            {
                return "/mnt/small";
            }
        };
    }

    @Test
    void shouldRefuseAPublishThatWouldFillTheDiskWithAnErrorNamingTheMountPoint()
    {
        final AtomicLong free = new AtomicLong(100 * MIB);
        final Config config = Config.defaults().with(Map.of("kv.entries", "1000"));
        try (ChronicleJournal journal = ChronicleJournal.builder(dir)
            .payloadCodec(ValuePayloadCodec.INSTANCE).freeSpace(disk(free)).open();
            KvStore store = ChronicleKvStore.open(config.kv());
            SxsRuntime runtime = SxsRuntime.start(config, store, LogSink.NONE, journal))
        {
            assertEquals("true", Printer.print(runtime.eval("(core/event/pub A 1 \"before\")", "").get(0)));
            free.set(3 * MIB);
            // the free space is measured every 64 KiB of records: publish 1 KB events until one is refused
            final String big = "\"" + "x".repeat(1000) + "\"";
            String refused = "true";
            int accepted = 0;
            while ("true".equals(refused) && accepted < 100)
            {
                refused = Printer.print(runtime.eval("(core/event/pub A 2 " + big + ")", "").get(0));
                accepted += "true".equals(refused) ? 1 : 0;
            }
            assertTrue(refused.startsWith("@\"core/event/pub: journal failed: journal disk full: /mnt/small has "
                + 3 * MIB + " bytes free, and the journal keeps " + 4 * MIB + " bytes free; event " + (accepted + 2)
                + " not journaled"), refused);
            free.set(100 * MIB);
            assertEquals("true", Printer.print(runtime.eval("(core/event/pub A 3 \"after\")", "").get(0)));
            try (JournalReader reader = journal.newReader())
            {
                final List<JournalRecord> kept = CollectingSink.readAll(reader);
                assertEquals(accepted + 2, kept.size(), "every accepted record and none refused");
                assertEquals("\"before\"", kept.get(0).payload());
                assertEquals("\"after\"", kept.get(kept.size() - 1).payload());
            }
        }
    }

    @Test
    void shouldMeasureTheFreeSpaceAgainAfterEnoughBytesWereAppended()
    {
        final AtomicLong free = new AtomicLong(100 * MIB);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).freeSpace(disk(free)).open())
        {
            journal.append(new Event(1, 1, Channel.A, 0, "first", ""));
            free.set(MIB);
            final String payload = "x".repeat(1000);
            int appended = 0;
            try
            {
                while (appended < 1000)
                {
                    journal.append(new Event(2 + appended, 1, Channel.A, 0, payload, ""));
                    appended++;
                }
            }
            catch (final JournalException refused)
            {
                assertTrue(refused.getMessage().contains("/mnt/small has " + MIB + " bytes free"),
                    refused.getMessage());
            }
            final long interval = DiskSpace.allowanceFor(100 * MIB - DiskSpace.DEFAULT_MIN_FREE_BYTES);
            assertTrue(appended < interval / 1000 + 1, "refused within one measuring interval, after " + appended);
        }
    }

    @Test
    void shouldMeasureAFreeSpaceOfGigabytesOncePerMegabyteAndANearlyFullOneEvery64KiB()
    {
        assertEquals(DiskSpace.MAX_MEASURE_EVERY_BYTES, DiskSpace.allowanceFor(50L << 30));
        assertEquals(DiskSpace.MEASURE_EVERY_BYTES, DiskSpace.allowanceFor(10 * MIB));
        assertEquals(1000, DiskSpace.allowanceFor(1000));
        final AtomicLong free = new AtomicLong(50L << 30);
        final AtomicLong measures = new AtomicLong();
        final DiskSpace.Probe disk = disk(free);
        final DiskSpace.Probe counting = new DiskSpace.Probe()
        {
            @Override
            public long usableBytes(final Path folder) throws java.io.IOException
            {
                measures.incrementAndGet();
                return disk.usableBytes(folder);
            }

            @Override
            public String mountPoint(final Path folder) throws java.io.IOException
            {
                return disk.mountPoint(folder);
            }
        };
        final String payload = "x".repeat(1000);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).freeSpace(counting).open())
        {
            for (int i = 0; i < 4096; i++)
            {
                journal.append(new Event(1 + i, 1, Channel.A, 0, payload, ""));
            }
        }
        assertTrue(measures.get() <= 5, measures.get() + " measures for 4 MiB of records on a roomy disk");
    }

    @Test
    void shouldTurnAFaultOfTheMappedWriteIntoAJournalExceptionAndReportTheDamagedRecord()
    {
        final AtomicBoolean faulting = new AtomicBoolean();
        // Chronicle asks the clock inside writingDocument(): an InternalError there stands for the SIGBUS of a
        // mapped write on a full disk, which the JVM reports as this error in the writing thread
        final SetTimeProvider clock = new SetTimeProvider(T0)
        {
            @Override
            public long currentTimeMillis()
            {
                if (faulting.get())
                {
                    throw new InternalError("a fault occurred in a recent unsafe memory access operation");
                }
                return super.currentTimeMillis();
            }
        };
        final AtomicLong free = new AtomicLong(100 * MIB);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).timeProvider(clock).freeSpace(disk(free))
            .open())
        {
            journal.append(new Event(1, 1, Channel.A, 0, "before", ""));
            faulting.set(true);
            final JournalException error = assertThrows(JournalException.class,
                () -> journal.append(new Event(2, 1, Channel.A, 0, "faulted", "")));
            assertTrue(error.getMessage().contains("could not be written") && error.getMessage().contains(
                "/mnt/small has " + 100 * MIB + " bytes free"), error.getMessage());
            assertEquals(error.getMessage(), journal.lastFailure());
            faulting.set(false);
            final long start = System.nanoTime();
            journal.append(new Event(2, 1, Channel.A, 0, "after", ""));
            final long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "the append after the fault took " + millis + " ms");
        }
        // the fault left an empty record where the failed one began: the reader reports it and fails (exit 1),
        // after printing the record before it
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = ReplayCommand.run(List.of(dir.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        final String printed = out.toString(StandardCharsets.UTF_8);
        final String reported = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed + reported);
        assertTrue(printed.contains("before"), printed);
        assertTrue(reported.contains("has unknown format version 0"), reported);
    }

    @Test
    void shouldReleaseAWriteLockLeftHeldByAFailedWriteWhenClosed()
    {
        final ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_DAILY").open();
        journal.append(new Event(1, 1, Channel.A, 0, "before", ""));
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(journal.rollCycle())
            .build())
        {
            // what a write that faulted half way leaves: Chronicle's write lock held by this process
            final TableStoreWriteLock lock = new TableStoreWriteLock(queue.metaStore(), Pauser::balanced, 60_000L,
                "chronicle.write.lock");
            lock.lock();
            journal.close();
            assertTrue(!lock.locked(), "close released the write lock");
        }
        final long start = System.nanoTime();
        try (ChronicleJournal again = ChronicleJournal.builder(dir).rollCycle("TEST_DAILY").open())
        {
            again.append(new Event(2, 1, Channel.A, 0, "after", ""));
            final long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "a new journal on the folder appended after " + millis + " ms");
            try (JournalReader reader = again.newReader())
            {
                assertEquals(2, CollectingSink.readAll(reader).size());
            }
        }
    }
}
