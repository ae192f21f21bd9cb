package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.lang.IntValue;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest
{
    private static final long T0 = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli() * 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldKeepOnlyTheNewestCyclesWhenRolling()
    {
        final SetTimeProvider clock = new SetTimeProvider(T0);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").retainCycles(2)
            .timeProvider(clock).open())
        {
            for (int cycle = 0; cycle < 5; cycle++)
            {
                for (int i = 0; i < 10; i++)
                {
                    journal.append(new Event(cycle * 10L + i, clock.currentTimeNanos(), Channel.A, cycle,
                        IntValue.of(i),
                        ""));
                }
                clock.advanceMillis(1_000);
                assertEquals(Math.min(cycle + 1, 2), RetentionSweeper.cycleFiles(dir).size(), "files after cycle "
                    + cycle);
            }
            assertEquals(20, journal.info().records());
            assertEquals(3, journal.cyclesDeleted());
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final List<JournalRecord> kept = CollectingSink.readAll(reader);
            assertEquals(20, kept.size());
            assertEquals(30L, kept.get(0).sequence());
            assertEquals(49L, kept.get(19).sequence());
        }
    }

    @Test
    void shouldApplyRetentionToOldFilesWhenOpening()
    {
        final SetTimeProvider clock = new SetTimeProvider(T0);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .open())
        {
            for (int cycle = 0; cycle < 4; cycle++)
            {
                journal.append(new Event(cycle, clock.currentTimeNanos(), Channel.A, 0, IntValue.of(cycle), ""));
                clock.advanceMillis(1_000);
            }
        }
        assertEquals(4, RetentionSweeper.cycleFiles(dir).size());
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").retainCycles(1)
            .timeProvider(clock).open())
        {
            assertEquals(1, RetentionSweeper.cycleFiles(dir).size());
            assertEquals(1, journal.info().records());
        }
    }

    @Test
    void shouldKeepEveryCycleWhenRetentionIsZero()
    {
        final SetTimeProvider clock = new SetTimeProvider(T0);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .open())
        {
            for (int cycle = 0; cycle < 6; cycle++)
            {
                journal.append(new Event(cycle, clock.currentTimeNanos(), Channel.A, 0, IntValue.of(cycle), ""));
                clock.advanceMillis(1_000);
            }
            assertEquals(6, journal.info().records());
        }
        assertEquals(6, RetentionSweeper.cycleFiles(dir).size());
    }
}
