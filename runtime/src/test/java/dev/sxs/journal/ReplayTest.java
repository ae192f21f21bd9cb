package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.StrValue;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest
{
    private static final long T0 = Instant.parse("2026-11-26T10:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    /** 100 events: sequence i at T0 + i ms, channel A..F by i % 6, topic i % 4, payload i. */
    private List<Long> write100(final Path folder)
    {
        final List<Long> indexes = new ArrayList<>();
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            for (int i = 0; i < 100; i++)
            {
                indexes.add(journal.append(new Event(i, T0 + i * MS, Channel.values()[1 + i % 6], i % 4, IntValue.of(i),
                    "")));
            }
        }
        return indexes;
    }

    private static List<Long> sequences(final List<JournalRecord> records)
    {
        return records.stream().map(JournalRecord::sequence).toList();
    }

    @Test
    void shouldFilterByChannelAndTopic()
    {
        final Path folder = dir.resolve("j");
        write100(folder);
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<JournalRecord> onB = CollectingSink.replay(reader, ReplayRequest.ALL.withChannel(Channel.B));
            assertEquals(17, onB.size());
            assertTrue(onB.stream().allMatch(r -> r.channel() == Channel.B && r.sequence() % 6 == 1));
            final List<JournalRecord> topic3 = CollectingSink.replay(reader, ReplayRequest.ALL.withTopic(3));
            assertEquals(25, topic3.size());
            assertTrue(topic3.stream().allMatch(r -> r.topic() == 3));
            final List<JournalRecord> both = CollectingSink.replay(reader, ReplayRequest.ALL.withChannel(Channel.A)
                .withTopic(0));
            assertEquals(List.of(0L, 12L, 24L, 36L, 48L, 60L, 72L, 84L, 96L), sequences(both));
        }
    }

    @Test
    void shouldReplayAnIndexRangeInclusive()
    {
        final Path folder = dir.resolve("j");
        final List<Long> indexes = write100(folder);
        try (JournalReader reader = JournalReader.open(folder))
        {
            final Replay replay = new Replay(reader, ReplayRequest.ALL.withFromIndex(indexes.get(10))
                .withToIndex(indexes.get(19)));
            final CollectingSink sink = new CollectingSink();
            final ReplayProgress progress = replay.run(sink);
            assertEquals(List.of(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L), sequences(sink.records));
            assertEquals(indexes.subList(10, 20), sink.records.stream().map(JournalRecord::index).toList());
            assertEquals(ReplayProgress.State.DONE, progress.state());
            assertEquals(10, progress.total());
            assertEquals(10, progress.read());
            assertEquals(10, progress.delivered());
            assertTrue(sink.finished);
            assertEquals(List.of(95L, 96L, 97L, 98L, 99L),
                sequences(CollectingSink.replay(reader, ReplayRequest.ALL.withFromIndex(indexes.get(95)))));
            assertEquals(List.of(0L, 1L),
                sequences(CollectingSink.replay(reader, ReplayRequest.ALL.withToIndex(indexes.get(1)))));
            assertEquals(100, CollectingSink.replay(reader, ReplayRequest.ALL.withFromIndex(0)).size());
            assertEquals(0, CollectingSink.replay(reader, ReplayRequest.ALL.withFromIndex(indexes.get(99) + 1)).size());
        }
    }

    @Test
    void shouldReplayATimeRangeInJournalOrder()
    {
        final Path folder = dir.resolve("j");
        write100(folder);
        try (JournalReader reader = JournalReader.open(folder))
        {
            final ReplayRequest range = ReplayRequest.ALL
                .withSince(Instant.ofEpochSecond(0, T0 + 20 * MS))
                .withUntil(Instant.ofEpochSecond(0, T0 + 24 * MS));
            assertEquals(List.of(20L, 21L, 22L, 23L, 24L), sequences(CollectingSink.replay(reader, range)));
            final ReplayRequest between = ReplayRequest.ALL
                .withSince(Instant.ofEpochSecond(0, T0 + 20 * MS + 1))
                .withUntil(Instant.ofEpochSecond(0, T0 + 22 * MS - 1));
            assertEquals(List.of(21L), sequences(CollectingSink.replay(reader, between)));
            assertEquals(0, CollectingSink.replay(reader,
                ReplayRequest.ALL.withSince(Instant.ofEpochSecond(0, T0 + 100 * MS))).size());
            assertEquals(100, CollectingSink.replay(reader, ReplayRequest.ALL.withSince(Instant.EPOCH)).size());
        }
    }

    @Test
    void shouldFindTheStartTimeAcrossRollCycles()
    {
        final Path folder = dir.resolve("cycles");
        final SetTimeProvider clock = new SetTimeProvider(T0);
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .open())
        {
            for (int i = 0; i < 50; i++)
            {
                journal.append(new Event(i, clock.currentTimeNanos(), Channel.C, 1, IntValue.of(i), ""));
                clock.advanceMillis(100);
            }
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            assertTrue(reader.queue().listCyclesBetween(reader.queue().firstCycle(), reader.queue().lastCycle())
                .size() >= 5);
            final Replay replay = new Replay(reader,
                ReplayRequest.ALL.withSince(Instant.ofEpochSecond(0, T0 + 2_250 * MS)));
            final CollectingSink sink = new CollectingSink();
            final ReplayProgress progress = replay.run(sink);
            assertEquals(27, sink.records.size());
            assertEquals(23L, sink.records.get(0).sequence());
            assertEquals(27, progress.read(), "starts reading at the first record of the range, found by search");
            assertEquals(27, progress.total());
        }
    }

    @Test
    void shouldStampTimesThatNeverGoBackwardsInIndexOrder()
    {
        final Path folder = dir.resolve("clock");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(new Event(1, T0 + 5 * MS, Channel.A, 1, IntValue.of(1), ""));
            journal.append(new Event(2, T0 + 3 * MS, Channel.EXEC, 65535, IntValue.of(2), "sxs:audit"),
                RecordType.AUDIT);
            journal.append(new Event(3, T0 + 7 * MS, Channel.A, 1, IntValue.of(3), ""));
        }
        try (ChronicleJournal reopened = ChronicleJournal.builder(folder).open())
        {
            reopened.append(new Event(4, T0 + 6 * MS, Channel.B, 1, IntValue.of(4), ""));
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<Long> times = CollectingSink.replay(reader, ReplayRequest.ALL).stream()
                .map(JournalRecord::timestampNanos).toList();
            assertEquals(List.of(T0 + 5 * MS, T0 + 5 * MS, T0 + 7 * MS, T0 + 7 * MS), times,
                "an earlier stamp takes the time of the record before it, also after reopening");
        }
    }

    @Test
    void shouldIncludeTheRecordsStampedExactlyAtBothTimeBounds()
    {
        final Path folder = dir.resolve("exact");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(new Event(1, T0, Channel.A, 1, IntValue.of(1), ""));
            journal.append(new Event(2, T0 + 2 * MS, Channel.EXEC, 65535, IntValue.of(2), "sxs:audit"),
                RecordType.AUDIT);
            journal.append(new Event(3, T0 + MS, Channel.A, 1, IntValue.of(3), ""));
            journal.append(new Event(4, T0 + 2 * MS, Channel.A, 1, IntValue.of(4), ""));
            journal.append(new Event(5, T0 + 3 * MS, Channel.A, 1, IntValue.of(5), ""));
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final Instant t = Instant.ofEpochSecond(0, T0 + 2 * MS);
            final ReplayRequest exactly = ReplayRequest.ALL.withSince(t).withUntil(t);
            assertEquals(List.of(2L, 3L, 4L), sequences(CollectingSink.replay(reader, exactly)),
                "the audit record's later time does not hide the events stamped at the bound");
            final JournalRange range = reader.range(exactly);
            assertEquals(3, range.records());
        }
    }

    @Test
    void shouldFindTimeBoundsThroughTheIndexAndCountOnlyTheSelectedRange()
    {
        final Path folder = dir.resolve("bounds");
        final SetTimeProvider clock = new SetTimeProvider(T0);
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .open())
        {
            for (int i = 0; i < 400; i++)
            {
                journal.append(new Event(i, clock.currentTimeNanos(), Channel.C, 1, IntValue.of(i), ""));
                clock.advanceMillis(25);
            }
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            for (final int[] bounds : new int[][] {{0, 399}, {37, 38}, {39, 40}, {40, 40}, {41, 279}, {120, 399}})
            {
                final Replay replay = new Replay(reader, ReplayRequest.ALL
                    .withSince(Instant.ofEpochSecond(0, T0 + bounds[0] * 25 * MS))
                    .withUntil(Instant.ofEpochSecond(0, T0 + bounds[1] * 25 * MS)));
                final CollectingSink sink = new CollectingSink();
                final ReplayProgress progress = replay.run(sink);
                final int expected = bounds[1] - bounds[0] + 1;
                assertEquals(expected, sink.records.size(), bounds[0] + ".." + bounds[1]);
                assertEquals((long)bounds[0], sink.records.get(0).sequence());
                assertEquals((long)bounds[1], sink.records.get(expected - 1).sequence());
                assertEquals(expected, progress.read(), "reads only the range, not from the start");
                assertEquals(expected, progress.total());
            }
            assertTrue(reader.range(ReplayRequest.ALL.withSince(Instant.ofEpochSecond(0, T0 + 400 * 25 * MS)))
                .isEmpty());
            assertTrue(reader.range(ReplayRequest.ALL.withUntil(Instant.ofEpochSecond(0, T0 - 1))).isEmpty());
            assertEquals(400, reader.range(ReplayRequest.ALL).records());
        }
    }

    @Test
    void shouldShortenTheRecordedGapsBySpeed()
    {
        final Path folder = dir.resolve("speed");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(new Event(1, T0, Channel.A, 1, IntValue.of(1), ""));
            journal.append(new Event(2, T0 + 600 * MS, Channel.A, 1, IntValue.of(2), ""));
            journal.append(new Event(3, T0 + 1200 * MS, Channel.A, 1, IntValue.of(3), ""));
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<Long> arrivals = new ArrayList<>();
            final ReplaySink sink = entry -> arrivals.add(System.nanoTime());
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL.withSpeed(4)).run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state());
            assertTrue(arrivals.get(1) - arrivals.get(0) >= 150 * MS, "600 ms at speed 4 waits 150 ms");
            assertTrue(arrivals.get(2) - arrivals.get(0) >= 300 * MS);
            assertTrue(progress.elapsedNanos() < 1200 * MS, "faster than recorded: " + progress.elapsedNanos());
        }
    }

    @Test
    void shouldFindNothingInAFolderThatHoldsOnlyTheMetadata() throws Exception
    {
        final Path folder = dir.resolve("full");
        write100(folder);
        final Path bare = dir.resolve("bare");
        java.nio.file.Files.createDirectories(bare);
        java.nio.file.Files.copy(folder.resolve(JournalReader.METADATA_FILE),
            bare.resolve(JournalReader.METADATA_FILE));
        try (JournalReader reader = JournalReader.open(bare))
        {
            assertTrue(reader.range(ReplayRequest.ALL).isEmpty());
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run(new CollectingSink());
            assertEquals(ReplayProgress.State.DONE, progress.state(), progress.error());
            assertEquals(0, progress.total());
        }
    }

    @Test
    void shouldDescribeFailuresWithoutJavaClassNames()
    {
        assertEquals("cannot write replay output: Broken pipe", Replay.describe(new java.io.UncheckedIOException(
            "cannot write replay output", new java.io.IOException("Broken pipe"))));
        assertEquals("x", Replay.describe(new RuntimeException(new IllegalStateException("x"))));
        assertEquals("NullPointerException", Replay.describe(new RuntimeException(new NullPointerException())));
    }

    @Test
    void shouldKeepTheRecordedGapsAtOriginalPace()
    {
        final Path folder = dir.resolve("paced");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(new Event(1, T0, Channel.A, 1, IntValue.of(1), ""));
            journal.append(new Event(2, T0 + 150 * MS, Channel.A, 1, IntValue.of(2), ""));
            journal.append(new Event(3, T0 + 300 * MS, Channel.A, 1, IntValue.of(3), ""));
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<Long> arrivals = new ArrayList<>();
            final ReplaySink sink = entry -> arrivals.add(System.nanoTime());
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL.withPace(ReplayRequest.Pace.ORIGINAL))
                .run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state());
            assertEquals(3, arrivals.size());
            assertTrue(arrivals.get(1) - arrivals.get(0) >= 150 * MS, "second record waits the recorded 150 ms");
            assertTrue(arrivals.get(2) - arrivals.get(0) >= 300 * MS, "third record waits the recorded 300 ms");
            assertTrue(progress.elapsedNanos() >= 300 * MS);
        }
    }

    @Test
    void shouldReportProgressAndStopWhenCancelled() throws Exception
    {
        final Path folder = dir.resolve("j");
        write100(folder);
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<Long> seen = new ArrayList<>();
            final Replay replay = new Replay(reader, ReplayRequest.ALL.withChannel(Channel.A))
                .onProgress(p -> seen.add(p.read()), 25);
            final ReplayProgress progress = replay.run(new CollectingSink());
            assertEquals(List.of(25L, 50L, 75L, 100L, 100L), seen);
            assertEquals(100, progress.total());
            assertEquals(17, progress.delivered());
            assertEquals(1.0, progress.fraction());
            assertTrue(progress.isFinished());
        }
        try (JournalReader reader = JournalReader.open(folder))
        {
            final CountDownLatch delivered = new CountDownLatch(1);
            final Replay replay = new Replay(reader, ReplayRequest.ALL.withPace(ReplayRequest.Pace.ORIGINAL)
                .withSince(Instant.ofEpochSecond(0, T0)));
            final CompletableFuture<ReplayProgress> done = new CompletableFuture<>();
            final Thread runner = new Thread(() -> done.complete(replay.run(entry -> delivered.countDown())),
                "sxs-test-replay");
            runner.start();
            assertTrue(delivered.await(10, TimeUnit.SECONDS));
            replay.progress().cancel();
            final ReplayProgress progress = done.get(10, TimeUnit.SECONDS);
            assertEquals(ReplayProgress.State.CANCELLED, progress.state());
            assertTrue(progress.delivered() < 100);
        }
    }

    @Test
    void shouldRunInTheBackgroundOnAnSxsThread() throws Exception
    {
        final Path folder = dir.resolve("j");
        write100(folder);
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            final Replay replay = new Replay(reader, ReplayRequest.ALL.withTopic(2));
            final ReplayProgress progress = replay.start(entry -> threads.add(Thread.currentThread().getName()))
                .get(10, TimeUnit.SECONDS);
            assertEquals(ReplayProgress.State.DONE, progress.state());
            assertEquals(25, progress.delivered());
            assertTrue(threads.stream().allMatch(name -> name.startsWith("sxs-replay-")), threads.toString());
        }
    }

    @Test
    void shouldRunOnAThreadOfTheGivenFactory() throws Exception
    {
        final Path folder = dir.resolve("j");
        write100(folder);
        final ClassLoader marker = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            final Replay replay = new Replay(reader, ReplayRequest.ALL.withTopic(2));
            final ReplayProgress progress = replay.start(entry -> threads.add(Thread.currentThread()),
                new SxsThreadFactory(marker, "sxs-test-")).get(10, TimeUnit.SECONDS);
            assertEquals(25, progress.delivered());
            assertTrue(threads.stream().allMatch(t -> t.getContextClassLoader() == marker && t.isDaemon()),
                threads.toString());
        }
    }

    @Test
    void shouldTailTheNewestRecordsOldestFirst()
    {
        final Path folder = dir.resolve("j");
        final List<Long> indexes = write100(folder);
        try (JournalReader reader = JournalReader.open(folder))
        {
            final List<JournalRecord> tail = reader.tail(3);
            assertEquals(List.of(97L, 98L, 99L), sequences(tail));
            assertEquals(indexes.subList(97, 100), tail.stream().map(JournalRecord::index).toList());
            assertEquals("99", tail.get(2).payload());
            assertEquals(100, reader.tail(1000).size());
            assertTrue(reader.tail(0).isEmpty());
        }
    }

    @Test
    void shouldFailWithTheIndexWhenTheSinkFails()
    {
        final Path folder = dir.resolve("j");
        final List<Long> indexes = write100(folder);
        try (JournalReader reader = JournalReader.open(folder))
        {
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run(entry ->
            {
                if (entry.sequence() == 5)
                {
                    throw new IllegalStateException("boom");
                }
            });
            assertEquals(ReplayProgress.State.FAILED, progress.state());
            assertTrue(progress.error().contains("index " + indexes.get(5)) && progress.error().contains("boom"),
                progress.error());
            assertEquals(5, progress.delivered());
        }
    }

    @Test
    void shouldReplayAnEmptyJournal()
    {
        final Path folder = dir.resolve("empty");
        ChronicleJournal.builder(folder).open().close();
        try (JournalReader reader = JournalReader.open(folder))
        {
            final CollectingSink sink = new CollectingSink();
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state());
            assertEquals(0, progress.total());
            assertTrue(sink.records.isEmpty());
            assertTrue(sink.finished);
        }
    }

    @Test
    void shouldReadAJournalWhileItIsBeingWritten()
    {
        final Path folder = dir.resolve("live");
        try (ChronicleJournal journal = ChronicleJournal.builder(folder).open())
        {
            journal.append(new Event(1, T0, Channel.D, 9, new StrValue("first"), "s/"));
            try (JournalReader reader = JournalReader.open(folder))
            {
                assertEquals(List.of(1L), sequences(CollectingSink.readAll(reader)));
                journal.append(new Event(2, T0 + MS, Channel.D, 9, new StrValue("second"), "s/"));
                assertEquals(List.of(1L, 2L), sequences(CollectingSink.readAll(reader)));
            }
            try (JournalReader own = journal.newReader())
            {
                assertEquals(2, CollectingSink.readAll(own).size());
            }
            journal.append(new Event(3, T0 + 2 * MS, Channel.D, 9, new StrValue("third"), "s/"));
            assertEquals(3, journal.info().records());
        }
    }
}
