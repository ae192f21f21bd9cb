package dev.sxs.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one source of truth for sxs configuration: every setting with its default, parsed from
 * {@code key=value} pairs (agent arguments, a properties file, {@code sxs.*} system properties, the
 * CLI) and validated at once. An invalid value gives a {@link ConfigException} naming the key, the
 * value and what was expected. The keys are listed in {@link #KEYS} and documented in
 * {@code docs/operations.md}.
 *
 * @param dataDir            folder for the store and journal; null keeps everything in memory.
 * @param scope              scope (hidden key prefix) of sessions that do not name one; "" is root.
 * @param kvEntries          entries the store is sized for (a sizing target, not an exact limit).
 * @param kvAverageKeyBytes  average key size in bytes, for sizing the store.
 * @param kvAverageValueBytes average value size in bytes (canonical form), for sizing the store.
 * @param budgetSteps        evaluation steps one script may take.
 * @param budgetMillis       wall time one script may take, milliseconds.
 * @param awaitTimeoutMillis default timeout of {@code core/expr/await}.
 * @param queueCapacity      events one channel may hold queued before backpressure.
 * @param publishTimeoutMillis how long a publisher waits on a full queue under BLOCK.
 * @param overflow           full-queue policy: BLOCK, ERROR, DISCARD_OLDEST, DISCARD_NEWEST.
 * @param workers            dispatcher worker threads.
 * @param idleStrategy       worker idle strategy: backoff, busy-spin, blocking.
 * @param processors         script processors on the execution channel.
 * @param journalEnabled     whether events are journaled.
 * @param journalDir         journal folder; null means {@code <dataDir>/journal}.
 * @param journalRollCycle   Chronicle Queue roll cycle name (e.g. FAST_DAILY, FAST_HOURLY).
 * @param journalRetainCycles roll cycles to keep; 0 keeps all.
 * @param jmxPort            remote JMX port; 0 opens no port.
 * @param jmxHost            address the remote JMX connector binds to (loopback by default).
 * @param jmxPasswordFile    JMX password file, required with a port unless JAAS is configured.
 * @param jmxAccessFile      JMX access file (roles readonly/readwrite).
 * @param jmxLoginConfig     JAAS login configuration entry name, alternative to a password file.
 * @param jmxSsl             whether the remote connector uses TLS.
 * @param bootScript         script file run when the runtime starts; null for none.
 */
public record Config(
    Path dataDir,
    String scope,
    long kvEntries,
    int kvAverageKeyBytes,
    int kvAverageValueBytes,
    long budgetSteps,
    long budgetMillis,
    long awaitTimeoutMillis,
    int queueCapacity,
    long publishTimeoutMillis,
    String overflow,
    int workers,
    String idleStrategy,
    int processors,
    boolean journalEnabled,
    Path journalDir,
    String journalRollCycle,
    int journalRetainCycles,
    int jmxPort,
    String jmxHost,
    Path jmxPasswordFile,
    Path jmxAccessFile,
    String jmxLoginConfig,
    boolean jmxSsl,
    Path bootScript)
{
    /** Every key {@link #parse} accepts, with its default as text ("" for none). */
    public static final Map<String, String> KEYS;

    static
    {
        final Map<String, String> keys = new LinkedHashMap<>();
        keys.put("data", "");
        keys.put("scope", "");
        keys.put("kv.entries", "1000000");
        keys.put("kv.keyBytes", "32");
        keys.put("kv.valueBytes", "64");
        keys.put("budget.steps", "1000000");
        keys.put("budget.millis", "5000");
        keys.put("await.timeoutMillis", "5000");
        keys.put("events.queueCapacity", "1000");
        keys.put("events.publishTimeoutMillis", "1000");
        keys.put("events.overflow", "BLOCK");
        keys.put("events.workers", "2");
        keys.put("events.idle", "backoff");
        keys.put("processors", "4");
        keys.put("journal.enabled", "true");
        keys.put("journal.dir", "");
        keys.put("journal.rollCycle", "FAST_DAILY");
        keys.put("journal.retainCycles", "0");
        keys.put("jmx.port", "0");
        keys.put("jmx.host", "127.0.0.1");
        keys.put("jmx.passwordFile", "");
        keys.put("jmx.accessFile", "");
        keys.put("jmx.login", "");
        keys.put("jmx.ssl", "false");
        keys.put("boot", "");
        KEYS = java.util.Collections.unmodifiableMap(keys);
    }

    private static final Set<String> OVERFLOWS = Set.of("BLOCK", "ERROR", "DISCARD_OLDEST", "DISCARD_NEWEST");
    private static final Set<String> IDLES = Set.of("backoff", "busy-spin", "blocking");

    /**
     * The accepted {@code journal.rollCycle} names, upper case (the setting is read in any case): the
     * constants of Chronicle Queue's {@code RollCycles}, then {@code LargeRollCycles} and
     * {@code TestRollCycles}. Kept here as text so that parsing a configuration loads no Chronicle class;
     * a test checks the list against Chronicle ({@code dev.sxs.journal.RollCycleNames}).
     */
    public static final List<String> ROLL_CYCLES = List.of(
        "FIVE_MINUTELY", "TEN_MINUTELY", "TWENTY_MINUTELY", "HALF_HOURLY", "FAST_HOURLY", "TWO_HOURLY",
        "FOUR_HOURLY", "SIX_HOURLY", "FAST_DAILY", "WEEKLY",
        "LARGE_HOURLY", "LARGE_DAILY", "XLARGE_DAILY", "HUGE_DAILY",
        "TEST_SECONDLY", "TEST4_SECONDLY", "TEST_HOURLY", "TEST_DAILY", "TEST2_DAILY", "TEST4_DAILY", "TEST8_DAILY");

    /**
     * @return the configuration with every default: in memory, root scope.
     */
    public static Config defaults()
    {
        return parse(Map.of());
    }

    /**
     * Parse and validate settings; keys not given take their defaults.
     *
     * @param settings key to value text; unknown keys are an error.
     * @return the validated configuration.
     * @throws ConfigException naming the first bad key, its value and what was expected.
     */
    public static Config parse(final Map<String, String> settings)
    {
        for (final String key : settings.keySet())
        {
            if (!KEYS.containsKey(key))
            {
                throw new ConfigException("unknown setting '" + key + "' (known: " + String.join(", ", KEYS.keySet())
                    + ")");
            }
        }
        final Reader r = new Reader(settings);
        final String overflow = r.text("events.overflow").toUpperCase(Locale.ROOT);
        if (!OVERFLOWS.contains(overflow))
        {
            throw r.bad("events.overflow", "one of BLOCK, ERROR, DISCARD_OLDEST, DISCARD_NEWEST");
        }
        final String idle = r.text("events.idle").toLowerCase(Locale.ROOT);
        if (!IDLES.contains(idle))
        {
            throw r.bad("events.idle", "one of backoff, busy-spin, blocking");
        }
        final String rollCycle = r.text("journal.rollCycle").toUpperCase(Locale.ROOT);
        if (!ROLL_CYCLES.contains(rollCycle))
        {
            throw r.bad("journal.rollCycle", rollCycleExpectation());
        }
        final Config config = new Config(
            r.path("data"),
            r.text("scope"),
            r.longIn("kv.entries", 1, 1L << 32),
            (int)r.longIn("kv.keyBytes", 1, 1 << 20),
            (int)r.longIn("kv.valueBytes", 1, 1 << 24),
            r.longIn("budget.steps", 1, Long.MAX_VALUE),
            r.longIn("budget.millis", 1, Long.MAX_VALUE),
            r.longIn("await.timeoutMillis", 0, Long.MAX_VALUE),
            (int)r.longIn("events.queueCapacity", 1, 1 << 24),
            r.longIn("events.publishTimeoutMillis", 0, Long.MAX_VALUE),
            overflow,
            (int)r.longIn("events.workers", 1, 256),
            idle,
            (int)r.longIn("processors", 1, 65536),
            r.bool("journal.enabled"),
            r.path("journal.dir"),
            rollCycle,
            (int)r.longIn("journal.retainCycles", 0, Integer.MAX_VALUE),
            (int)r.longIn("jmx.port", 0, 65535),
            r.nonEmpty("jmx.host"),
            r.path("jmx.passwordFile"),
            r.path("jmx.accessFile"),
            r.text("jmx.login"),
            r.bool("jmx.ssl"),
            r.path("boot"));
        return config;
    }

    /**
     * @return the effective journal folder, or null when nothing is persisted.
     */
    public Path effectiveJournalDir()
    {
        if (journalDir != null)
        {
            return journalDir;
        }
        return dataDir == null ? null : dataDir.resolve("journal");
    }

    /**
     * A copy with some settings changed, validated again.
     *
     * @param overrides key to value text.
     * @return the new configuration.
     */
    public Config with(final Map<String, String> overrides)
    {
        final Map<String, String> all = new LinkedHashMap<>(asMap());
        all.putAll(overrides);
        return parse(all);
    }

    /**
     * @return every setting as key to value text, in {@link #KEYS} order.
     */
    public Map<String, String> asMap()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("data", text(dataDir));
        m.put("scope", scope);
        m.put("kv.entries", Long.toString(kvEntries));
        m.put("kv.keyBytes", Integer.toString(kvAverageKeyBytes));
        m.put("kv.valueBytes", Integer.toString(kvAverageValueBytes));
        m.put("budget.steps", Long.toString(budgetSteps));
        m.put("budget.millis", Long.toString(budgetMillis));
        m.put("await.timeoutMillis", Long.toString(awaitTimeoutMillis));
        m.put("events.queueCapacity", Integer.toString(queueCapacity));
        m.put("events.publishTimeoutMillis", Long.toString(publishTimeoutMillis));
        m.put("events.overflow", overflow);
        m.put("events.workers", Integer.toString(workers));
        m.put("events.idle", idleStrategy);
        m.put("processors", Integer.toString(processors));
        m.put("journal.enabled", Boolean.toString(journalEnabled));
        m.put("journal.dir", text(journalDir));
        m.put("journal.rollCycle", journalRollCycle);
        m.put("journal.retainCycles", Integer.toString(journalRetainCycles));
        m.put("jmx.port", Integer.toString(jmxPort));
        m.put("jmx.host", jmxHost);
        m.put("jmx.passwordFile", text(jmxPasswordFile));
        m.put("jmx.accessFile", text(jmxAccessFile));
        m.put("jmx.login", jmxLoginConfig);
        m.put("jmx.ssl", Boolean.toString(jmxSsl));
        m.put("boot", text(bootScript));
        return m;
    }

    /**
     * @return what {@code journal.rollCycle} accepts, as the "(expected ...)" part of a message.
     */
    public static String rollCycleExpectation()
    {
        return "one of " + String.join(", ", ROLL_CYCLES) + ", in any case";
    }

    private static String text(final Path path)
    {
        return path == null ? "" : path.toString();
    }

    private static final class Reader
    {
        private final Map<String, String> settings;

        Reader(final Map<String, String> settings)
        {
            this.settings = settings;
        }

        String text(final String key)
        {
            final String value = settings.get(key);
            return value == null ? KEYS.get(key) : value.trim();
        }

        String nonEmpty(final String key)
        {
            final String value = text(key);
            if (value.isEmpty())
            {
                throw bad(key, "a non-empty value");
            }
            return value;
        }

        Path path(final String key)
        {
            final String value = text(key);
            try
            {
                return value.isEmpty() ? null : Path.of(value);
            }
            catch (final RuntimeException ex)
            {
                throw bad(key, "a file system path");
            }
        }

        boolean bool(final String key)
        {
            final String value = text(key).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false"))
            {
                throw bad(key, "true or false");
            }
            return Boolean.parseBoolean(value);
        }

        long longIn(final String key, final long min, final long max)
        {
            final String value = text(key).replace("_", "");
            final long parsed;
            try
            {
                parsed = Long.parseLong(value);
            }
            catch (final NumberFormatException ex)
            {
                throw bad(key, "an integer from " + min + " to " + max);
            }
            if (parsed < min || parsed > max)
            {
                throw bad(key, "an integer from " + min + " to " + max);
            }
            return parsed;
        }

        ConfigException bad(final String key, final String expected)
        {
            return new ConfigException("bad value for '" + key + "': '" + text(key) + "' (expected " + expected + ")");
        }
    }
}
