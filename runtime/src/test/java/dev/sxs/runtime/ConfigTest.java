package dev.sxs.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.IdleMode;
import dev.sxs.events.OverflowPolicy;
import dev.sxs.journal.JournalOptions;
import dev.sxs.journal.RollCycleNames;
import dev.sxs.kv.KvOptions;
import dev.sxs.lang.BudgetOptions;

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
        assertEquals(1_000_000, config.kv().entries());
        assertEquals(1000, config.dispatcher().queueCapacity());
        assertEquals(OverflowPolicy.BLOCK, config.dispatcher().overflow());
        assertEquals(IdleMode.BACKOFF, config.dispatcher().idle());
        assertEquals(5000, config.dispatcher().awaitTimeoutMillis());
        assertEquals(0, config.jmx().port());
        assertTrue(config.journal().enabled());
        assertNull(config.journal().folder());
    }

    @Test
    void shouldParseEverySettingItPrints()
    {
        final Config config = Config.parse(Map.of(
            "data", "/tmp/sxs", "events.overflow", "discard_oldest", "events.idle", "BUSY-SPIN",
            "kv.entries", "2_000", "journal.enabled", "false"));

        assertEquals(Path.of("/tmp/sxs"), config.dataDir());
        assertEquals(OverflowPolicy.DISCARD_OLDEST, config.dispatcher().overflow());
        assertEquals(IdleMode.BUSY_SPIN, config.dispatcher().idle());
        assertEquals(2000, config.kv().entries());
        assertEquals(Path.of("/tmp/sxs"), config.kv().folder());
        assertEquals(Path.of("/tmp/sxs/journal"), config.journal().folder());
        assertEquals("DISCARD_OLDEST", config.asMap().get("events.overflow"));
        assertEquals("busy-spin", config.asMap().get("events.idle"));
        assertEquals(config, Config.parse(config.asMap()));
    }

    @Test
    void shouldApplyOverridesAndValidateThemAgain()
    {
        final Config config = Config.defaults().with(Map.of("events.workers", "3"));

        assertEquals(3, config.dispatcher().workers());
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

        assertTrue(ex.getMessage().startsWith(
            "unknown setting 'kv.entrys' (known: data, scope, entity.local, entity.boot, kv.entries"),
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

        assertEquals("FAST_HOURLY", config.journal().rollCycle());
        assertEquals("FAST_DAILY", Config.defaults().journal().rollCycle());
    }

    @Test
    void shouldGiveTheSameMessageAsTheJournalForAnUnknownRollCycle()
    {
        final IllegalArgumentException fromJournal = assertThrows(
            IllegalArgumentException.class, () -> RollCycleNames.resolve("FORTNIGHTLY"));
        final ConfigException fromConfig = assertThrows(
            ConfigException.class, () -> Config.parse(Map.of("journal.rollCycle", "FORTNIGHTLY")));

        assertEquals(fromConfig.getMessage(), fromJournal.getMessage());
    }

    @Test
    void shouldTakeEveryDefaultFromTheCapabilitysOptions()
    {
        final Config config = Config.defaults();

        assertEquals(KvOptions.defaults(), config.kv());
        assertEquals(BudgetOptions.defaults(), config.budget());
        assertEquals(DispatcherOptions.defaults(), config.dispatcher());
        assertEquals(ProcessorOptions.DEFAULT_COUNT, config.processors().count());
        assertEquals(JournalOptions.in(null), config.journal());
        assertEquals(new JmxOptions(JmxOptions.DEFAULT_PORT, JmxOptions.DEFAULT_HOST, null, null, "",
            JmxOptions.DEFAULT_SSL), config.jmx());
    }

    @Test
    void shouldHandOutTheOptionsOfEverySettingGiven()
    {
        final Config config = Config.parse(Map.ofEntries(
            Map.entry("kv.keyBytes", "12"), Map.entry("kv.valueBytes", "8"), Map.entry("budget.steps", "77"),
            Map.entry("budget.millis", "66"), Map.entry("events.publishTimeoutMillis", "5"),
            Map.entry("processors", "3"), Map.entry("journal.dir", "/j"), Map.entry("journal.retainCycles", "9"),
            Map.entry("jmx.host", "0.0.0.0"), Map.entry("jmx.passwordFile", "/p"), Map.entry("jmx.login", "Sxs"),
            Map.entry("jmx.ssl", "TRUE"), Map.entry("boot", "/b.sxs")));

        assertEquals(new KvOptions(null, KvOptions.DEFAULT_ENTRIES, 12, 8), config.kv());
        assertEquals(new BudgetOptions(77, 66), config.budget());
        assertEquals(5, config.dispatcher().publishTimeoutMillis());
        assertEquals(3, config.processors().count());
        assertEquals(new JournalOptions(true, Path.of("/j"), "FAST_DAILY", 9), config.journal());
        assertEquals(new JmxOptions(0, "0.0.0.0", Path.of("/p"), null, "Sxs", true), config.jmx());
        assertEquals(Path.of("/b.sxs"), config.bootScript());
        assertEquals(config, Config.parse(config.asMap()));
    }

    @Test
    void shouldDefineEachKeyOnceWithADescription()
    {
        assertEquals(Settings.ALL.size(), Config.KEYS.size());
        for (final Setting<?> setting : Settings.ALL)
        {
            assertEquals(setting.defaultText(), Config.KEYS.get(setting.key()));
            assertTrue(!setting.description().isBlank(), setting.key());
        }
    }

    @Test
    void shouldDocumentEveryKeyInOrder() throws IOException
    {
        final String doc = Files.readString(projectFile("docs/configuration.md"), StandardCharsets.UTF_8);
        final Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(doc);
        final List<String> documented = new ArrayList<>();
        while (row.find())
        {
            documented.add(row.group(1));
        }

        assertEquals(new ArrayList<>(Config.KEYS.keySet()), documented);
    }

    private static Path projectFile(final String relative)
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative)))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(relative);
    }
}
