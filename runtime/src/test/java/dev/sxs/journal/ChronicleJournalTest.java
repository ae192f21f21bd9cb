package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.RealValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleJournalTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryFieldOfEveryEvent()
    {
        final Path folder = dir.resolve("journal");
        final List<Event> events = List.of(
            new Event(1, 1_764_000_000_123_456_789L, Channel.A, 0, IntValue.of(42), ""),
            new Event(2, 1_764_000_000_223_456_789L, Channel.F, 65535, new StrValue("héllo \"q\"\nline"), "shop/"),
            new Event(3, 1_764_000_001_000_000_000L, Channel.EXEC, 7, new ListValue(ListKind.SEQUENCE,
                List.of(IntValue.of(1), new RealValue(2.5), SymValue.TRUE)), "a/b/"));
        final List<Long> indexes = new ArrayList<>();
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            for (final Event e : events)
            {
                indexes.add(journal.append(e));
            }
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<JournalRecord> records = CollectingSink.readAll(reader);
            assertEquals(3, records.size());
            for (int i = 0; i < 3; i++)
            {
                final Event e = events.get(i);
                final JournalRecord r = records.get(i);
                assertEquals(indexes.get(i), r.index());
                assertEquals(e.sequence(), r.sequence());
                assertEquals(e.timestampNanos(), r.timestampNanos());
                assertEquals(e.channel(), r.channel());
                assertEquals(e.topic(), r.topic());
                assertEquals(e.payload().toString(), r.payload());
                assertEquals(e.origin(), r.origin());
            }
            assertEquals("[1 2.5 true]", records.get(2).payload());
        }
    }

    @Test
    void shouldReturnIncreasingIndexesAndKeepAppendingAfterReopen()
    {
        final Path folder = dir.resolve("j");
        final long first;
        final long second;
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            first = journal.append(event(1));
            second = journal.append(event(2));
        }
        assertTrue(second > first);
        final long third;
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            third = journal.append(event(3));
            assertTrue(third > second);
            final JournalInfo info = journal.info();
            assertEquals(3, info.records());
            assertEquals(first, info.firstIndex());
            assertEquals(third, info.lastIndex());
            assertEquals(event(1).timestampNanos(), info.firstTimeNanos());
            assertEquals(event(3).timestampNanos(), info.lastTimeNanos());
            assertEquals(folder, info.folder());
            assertEquals("FAST_DAILY", info.rollCycle());
            assertTrue(info.sizeOnDisk() > 0);
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<JournalRecord> records = CollectingSink.readAll(reader);
            assertEquals(List.of(1L, 2L, 3L), records.stream().map(JournalRecord::sequence).toList());
            assertEquals(List.of(first, second, third), records.stream().map(JournalRecord::index).toList());
        }
    }

    @Test
    void shouldAcceptAppendsFromManyThreadsWithoutLosingAny() throws Exception
    {
        final Path folder = dir.resolve("mt");
        final int threads = 4;
        final int perThread = 5_000;
        final ConcurrentLinkedQueue<Long> indexes = new ConcurrentLinkedQueue<>();
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++)
            {
                final int thread = t;
                done.add(pool.submit(() ->
                {
                    start.await();
                    for (int i = 0; i < perThread; i++)
                    {
                        indexes.add(journal.append(new Event(thread * 1_000_000L + i, 1L, Channel.B, thread,
                            IntValue.of(i), "t" + thread)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (final Future<?> f : done)
            {
                f.get();
            }
        }
        finally
        {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, new HashSet<>(indexes).size());
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<JournalRecord> records = CollectingSink.readAll(reader);
            assertEquals(threads * perThread, records.size());
            final Set<Long> read = new HashSet<>();
            final long[] nextPerThread = new long[threads];
            for (final JournalRecord r : records)
            {
                read.add(r.index());
                assertEquals("t" + r.topic(), r.origin());
                assertEquals(Long.toString(nextPerThread[r.topic()]++), r.payload(), "per-thread order");
            }
            assertEquals(new HashSet<>(indexes), read);
        }
    }

    @Test
    void shouldLeaveNoPartialRecordWhenAWriteFails()
    {
        final Path folder = dir.resolve("partial");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(event(1));
            final JournalException ex = assertThrows(JournalException.class,
                () -> journal.append(new Event(2, 2, null, 1, IntValue.of(2), "")));
            assertTrue(ex.getMessage().contains("failed for event 2"), ex.getMessage());
            journal.append(event(3));
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            assertEquals(List.of(1L, 3L), CollectingSink.readAll(reader).stream().map(JournalRecord::sequence)
                .toList());
        }
    }

    @Test
    void shouldRefuseAppendsAfterClose()
    {
        final ChronicleJournal journal = ChronicleJournal.builder(dir.resolve("c")).open();
        journal.close();
        journal.close();
        final JournalException ex = assertThrows(JournalException.class, () -> journal.append(event(1)));
        assertTrue(ex.getMessage().contains("closed"), ex.getMessage());
    }

    @Test
    void shouldOpenFromOptionsUnderTheDataFolderByDefault()
    {
        final JournalOptions options = JournalOptions.in(JournalOptions.defaultFolder(dir));
        try (Journal journal = Journals.open(options, PayloadCodec.PLAIN_TEXT))
        {
            assertTrue(journal.isEnabled());
            journal.append(event(1));
            assertEquals(dir.resolve("journal"), journal.info().folder());
        }
        assertTrue(Files.isRegularFile(dir.resolve("journal").resolve(JournalReader.METADATA_FILE)));
    }

    @Test
    void shouldBeANoOpWhenOffOrNotPersisted()
    {
        final JournalOptions off = new JournalOptions(false, dir.resolve("journal"), JournalOptions.DEFAULT_ROLL_CYCLE,
            JournalOptions.DEFAULT_RETAIN_CYCLES);
        assertSame(NoOpJournal.INSTANCE, Journals.open(off, PayloadCodec.PLAIN_TEXT));
        assertSame(NoOpJournal.INSTANCE, Journals.open(JournalOptions.in(null), PayloadCodec.PLAIN_TEXT));
        assertEquals(Journal.NO_INDEX, NoOpJournal.INSTANCE.append(event(1)));
        assertFalse(NoOpJournal.INSTANCE.isEnabled());
        assertEquals(JournalInfo.DISABLED, NoOpJournal.INSTANCE.info());
        assertFalse(Files.exists(dir.resolve("journal")));
    }

    @Test
    void shouldNameTheBadRollCycle()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> ChronicleJournal.builder(dir.resolve("x")).rollCycle("FORTNIGHTLY").open());
        assertTrue(ex.getMessage().contains("journal.rollCycle") && ex.getMessage().contains("FORTNIGHTLY")
            && ex.getMessage().contains("FAST_HOURLY"), ex.getMessage());
    }

    @Test
    void shouldReportAnEmptyJournal()
    {
        try (ChronicleJournal journal = ChronicleJournal.builder(dir.resolve("e")).rollCycle("fast_hourly").open())
        {
            final JournalInfo info = journal.info();
            assertTrue(info.isEmpty());
            assertEquals(Journal.NO_INDEX, info.firstIndex());
            assertEquals("FAST_HOURLY", info.rollCycle());
        }
    }

    @Test
    void shouldUnmapEveryFileWhenClosed() throws Exception
    {
        final Path maps = Path.of("/proc/self/maps");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(maps), "needs /proc/self/maps (Linux)");
        final Path folder = dir.resolve("mapped");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(event(1));
            try (JournalReader reader = JournalReader.open(folder))
            {
                assertEquals(1, CollectingSink.readAll(reader).size());
            }
            assertTrue(mappings(maps, folder) > 0, "journal files are mapped while open");
        }
        assertEquals(0, mappings(maps, folder), "no journal file stays mapped after close");
    }

    private static long mappings(final Path maps, final Path folder) throws Exception
    {
        return Files.readAllLines(maps).stream().filter(line -> line.contains(folder.toString())).count();
    }

    static Event event(final long sequence)
    {
        return new Event(sequence, 1_764_000_000_000_000_000L + sequence * 1_000_000L, Channel.A, 1,
            IntValue.of(sequence), "");
    }
}
