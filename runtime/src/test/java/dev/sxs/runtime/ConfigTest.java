package dev.sxs.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest
{
    @Test
    void shouldUseDocumentedDefaults()
    {
        final Config config = Config.defaults();

        assertNull(config.dataDir());
        assertEquals("", config.scope());
        assertEquals(1_000_000, config.kvEntries());
        assertEquals(1000, config.queueCapacity());
        assertEquals("BLOCK", config.overflow());
        assertEquals("backoff", config.idleStrategy());
        assertEquals(5000, config.awaitTimeoutMillis());
        assertEquals(0, config.jmxPort());
        assertTrue(config.journalEnabled());
        assertNull(config.effectiveJournalDir());
    }

    @Test
    void shouldParseEverySettingItPrints()
    {
        final Config config = Config.parse(Map.of(
            "data", "/tmp/sxs", "events.overflow", "discard_oldest", "events.idle", "BUSY-SPIN",
            "kv.entries", "2_000", "journal.enabled", "false"));

        assertEquals(Path.of("/tmp/sxs"), config.dataDir());
        assertEquals("DISCARD_OLDEST", config.overflow());
        assertEquals("busy-spin", config.idleStrategy());
        assertEquals(2000, config.kvEntries());
        assertEquals(Path.of("/tmp/sxs/journal"), config.effectiveJournalDir());
        assertEquals(config, Config.parse(config.asMap()));
    }

    @Test
    void shouldApplyOverridesAndValidateThemAgain()
    {
        final Config config = Config.defaults().with(Map.of("events.workers", "3"));

        assertEquals(3, config.workers());
        assertThrows(ConfigException.class, () -> config.with(Map.of("events.workers", "0")));
    }

    @Test
    void shouldNameKeyValueAndExpectationForABadNumber()
    {
        final ConfigException ex = assertThrows(
            ConfigException.class, () -> Config.parse(Map.of("events.queueCapacity", "lots")));

        assertEquals(
            "bad value for 'events.queueCapacity': 'lots' (expected an integer from 1 to 16777216)", ex.getMessage());
    }

    @Test
    void shouldRejectValuesOutOfRange()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> Config.parse(Map.of("jmx.port", "70000")));

        assertTrue(ex.getMessage().contains("'jmx.port'"), ex.getMessage());
    }

    @Test
    void shouldRejectUnknownPolicyAndIdleStrategy()
    {
        assertThrows(ConfigException.class, () -> Config.parse(Map.of("events.overflow", "DROP")));
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> Config.parse(Map.of("events.idle", "spin")));

        assertEquals("bad value for 'events.idle': 'spin' (expected one of backoff, busy-spin, blocking)",
            ex.getMessage());
    }

    @Test
    void shouldRejectUnknownKeysListingTheKnownOnes()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> Config.parse(Map.of("kv.entrys", "5")));

        assertTrue(ex.getMessage().startsWith("unknown setting 'kv.entrys' (known: data, scope, kv.entries"),
            ex.getMessage());
    }

    @Test
    void shouldRejectBooleansThatAreNotTrueOrFalse()
    {
        assertThrows(ConfigException.class, () -> Config.parse(Map.of("journal.enabled", "yes")));
    }

    @Test
    void shouldRejectAnUnknownRollCycleWhenParsing()
    {
        final ConfigException ex = assertThrows(
            ConfigException.class, () -> Config.parse(Map.of("journal.rollCycle", "FORTNIGHTLY")));

        assertTrue(ex.getMessage().startsWith(
            "bad value for 'journal.rollCycle': 'FORTNIGHTLY' (expected one of FIVE_MINUTELY, TEN_MINUTELY, "),
                ex.getMessage());
        assertTrue(ex.getMessage().endsWith(", in any case)"), ex.getMessage());
    }

    @Test
    void shouldAcceptARollCycleInAnyCaseAndNormaliseIt()
    {
        final Config config = Config.parse(Map.of("journal.rollCycle", " fast_hourly "));

        assertEquals("FAST_HOURLY", config.journalRollCycle());
        assertEquals("FAST_DAILY", Config.defaults().journalRollCycle());
    }
}
