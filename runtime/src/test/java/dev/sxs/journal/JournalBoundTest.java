package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.runtime.ValuePayloadCodec;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's size bound ({@code journal.maxBytes}) and a full disk under the append path.
 */
class JournalBoundTest
{
    private static final long T0 = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli() * 1_000_000L;

    @TempDir
    Path dir;

    private static long size(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static long totalSize(final Path folder)
    {
        return RetentionSweeper.cycleFiles(folder).stream().mapToLong(JournalBoundTest::size).sum();
    }

    @Test
    void shouldDeleteTheOldestCyclesBeyondMaxBytesAndNeverTheOneBeingWritten()
    {
        final SetTimeProvider clock = new SetTimeProvider(T0);
        long cycleBytes;
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .open())
        {
            journal.append(new Event(1, clock.currentTimeNanos(), Channel.A, 0, IntValue.of(1), ""));
            cycleBytes = totalSize(dir);
        }
        assertTrue(cycleBytes > 0);
        final long bound = cycleBytes * 3 + cycleBytes / 2;
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .maxBytes(bound).open())
        {
            for (int cycle = 1; cycle < 8; cycle++)
            {
                clock.advanceMillis(1_000);
                journal.append(new Event(cycle + 1, clock.currentTimeNanos(), Channel.A, 0, IntValue.of(cycle), ""));
                assertTrue(totalSize(dir) <= bound, "journal " + totalSize(dir) + " bytes over its bound " + bound);
            }
            assertEquals(3, RetentionSweeper.cycleFiles(dir).size());
            assertEquals(5, journal.cyclesDeleted());
        }
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .maxBytes(1).open())
        {
            // a bound below one cycle keeps only the newest file: the one being written is never deleted
            assertEquals(1, RetentionSweeper.cycleFiles(dir).size());
            for (int i = 0; i < 50; i++)
            {
                journal.append(new Event(100 + i, clock.currentTimeNanos(), Channel.A, 1, IntValue.of(i), ""));
            }
            assertEquals(1, RetentionSweeper.cycleFiles(dir).size());
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<JournalRecord> kept = CollectingSink.readAll(reader);
            assertEquals(51, kept.size());
            assertEquals(8L, kept.get(0).sequence());
            assertEquals(149L, kept.get(50).sequence());
        }
    }

    @Test
    void shouldBoundTheJournalByDefault()
    {
        assertEquals(JournalOptions.DEFAULT_MAX_BYTES, JournalOptions.in(dir).maxBytes());
        assertEquals(JournalOptions.DEFAULT_MAX_BYTES, Config.defaults().journal().maxBytes());
        assertTrue(JournalOptions.DEFAULT_MAX_BYTES > 0);
    }

    @Test
    void shouldGivePublishersAnErrorValueOnAFullDiskAndKeepTheEarlierRecordsReadable()
    {
        final AtomicBoolean diskFull = new AtomicBoolean();
        // Chronicle asks the time provider for the cycle inside writingDocument(): a failure there is a failure
        // of Chronicle's append path, as an I/O error on a full disk would be
        final SetTimeProvider clock = new SetTimeProvider(T0)
        {
            @Override
            public long currentTimeMillis()
            {
                if (diskFull.get())
                {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
                return super.currentTimeMillis();
            }
        };
        final Config config = Config.defaults().with(Map.of("kv.entries", "1000"));
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_DAILY").timeProvider(clock)
            .payloadCodec(ValuePayloadCodec.INSTANCE).open();
            KvStore store = ChronicleKvStore.open(config.kv());
            SxsRuntime runtime = SxsRuntime.start(config, store, LogSink.NONE, journal))
        {
            assertEquals("true", Printer.print(runtime.eval("(core/event/pub A 1 \"before\")", "").get(0)));
            assertEquals("true", Printer.print(runtime.eval("(core/event/pub A 2 \"also before\")", "").get(0)));
            diskFull.set(true);
            final String refused = Printer.print(runtime.eval("(core/event/pub A 3 \"on a full disk\")", "").get(0));
            assertEquals("@\"core/event/pub: journal failed: journal append to " + dir + " failed for event 3: No "
                + "space left on device\"", refused);
            assertFalse(runtime.dispatcher().distinctErrors().isEmpty());
            // read by a reader of its own (the injected failure is the writer's clock, not the files)
            try (JournalReader reader = JournalReader.open(dir))
            {
                final List<JournalRecord> kept = CollectingSink.readAll(reader);
                assertEquals(2, kept.size());
                assertEquals("\"before\"", kept.get(0).payload());
                assertEquals("\"also before\"", kept.get(1).payload());
            }
            diskFull.set(false);
            assertEquals("true", Printer.print(runtime.eval("(core/event/pub A 4 \"after\")", "").get(0)));
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<JournalRecord> kept = CollectingSink.readAll(reader);
            assertEquals(3, kept.size());
            assertEquals("\"after\"", kept.get(2).payload());
        }
    }

    @Test
    void shouldJournalTheCausalDepthOfEachEvent()
    {
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).open())
        {
            journal.append(new Event(1, 1, Channel.A, 1, IntValue.of(1), "", 0));
            journal.append(new Event(2, 2, Channel.A, 1, IntValue.of(2), "t1:", 5));
        }
        final List<Integer> depths = new java.util.ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            new Replay(reader, ReplayRequest.ALL).run(new ReplaySink()
            {
                @Override
                public void accept(final JournalEntry entry)
                {
                    depths.add(entry.depth());
                }

                @Override
                public void finish()
                {
                }
            });
        }
        assertEquals(List.of(0, 5), depths);
    }
}
