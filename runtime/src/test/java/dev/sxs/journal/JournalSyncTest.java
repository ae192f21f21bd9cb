package dev.sxs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal.sync}: none forces nothing, every forces each record before its append returns, across
 * roll cycles.
 */
class JournalSyncTest
{
    private static final long T0 = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli() * 1_000_000L;

    @TempDir
    Path dir;

    private static void appendAcrossCycles(final ChronicleJournal journal, final SetTimeProvider clock)
    {
        for (int i = 1; i <= 10; i++)
        {
            if (i == 6)
            {
                clock.advanceMillis(2_000);
            }
            journal.append(new Event(i, i, Channel.A, 0, "event " + i, ""));
        }
    }

    @Test
    void shouldForceEveryRecordWhenSyncIsEvery()
    {
        final SetTimeProvider clock = new SetTimeProvider(T0);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .sync(JournalSync.EVERY).open())
        {
            appendAcrossCycles(journal, clock);
            assertEquals(10, journal.syncForces());
            try (JournalReader reader = journal.newReader())
            {
                assertEquals(10, CollectingSink.readAll(reader).size());
            }
        }
    }

    @Test
    void shouldForceNothingWhenSyncIsNone()
    {
        final SetTimeProvider clock = new SetTimeProvider(T0);
        try (ChronicleJournal journal = ChronicleJournal.builder(dir).rollCycle("TEST_SECONDLY").timeProvider(clock)
            .open())
        {
            appendAcrossCycles(journal, clock);
            assertEquals(0, journal.syncForces());
        }
    }

    @Test
    void shouldReadTheSyncSetting()
    {
        assertEquals(JournalSync.NONE, Config.defaults().journal().sync());
        assertEquals(JournalSync.EVERY, Config.parse(Map.of("journal.sync", "Every")).journal().sync());
        final ConfigException bad = assertThrows(ConfigException.class,
            () -> Config.parse(Map.of("journal.sync", "always")));
        assertTrue(bad.getMessage().contains("expected one of none, every"), bad.getMessage());
    }
}
