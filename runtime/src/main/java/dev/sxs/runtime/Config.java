package dev.sxs.runtime;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sxs.events.DispatcherOptions;
import dev.sxs.journal.JournalOptions;
import dev.sxs.kv.KvOptions;
import dev.sxs.lang.BudgetOptions;
import dev.sxs.task.TaskLeaseOptions;
import dev.sxs.task.TaskOptions;

/**
 * The one source of truth for sxs configuration: every setting of {@link Settings} with its default,
 * parsed from {@code key=value} pairs (agent arguments, a properties file, {@code sxs.*} system
 * properties, the CLI) and validated at once, then handed out as each capability's options record
 * ({@link #kv()}, {@link #budget()}, {@link #dispatcher()}, {@link #processors()}, {@link #journal()},
 * {@link #jmx()}). Only the wiring (runtime, jmx, agent, cli) reads a Config; the capabilities take
 * their options. An invalid value gives a {@link ConfigException} naming the key, the value and what was
 * expected. The keys are listed in {@link #KEYS} and documented in {@code docs/configuration.md}.
 * <p>
 * Immutable and thread-safe; equal when every setting is equal.
 */
public final class Config
{
    /** Every key {@link #parse} accepts, with its default as text ("" for none), in documentation order. */
    public static final Map<String, String> KEYS;

    static
    {
        final Map<String, String> keys = new LinkedHashMap<>();
        for (final Setting<?> setting : Settings.ALL)
        {
            keys.put(setting.key(), setting.defaultText());
        }
        KEYS = Collections.unmodifiableMap(keys);
    }

    private final Map<Setting<?>, Object> values;
    private final KvOptions kv;
    private final BudgetOptions budget;
    private final DispatcherOptions dispatcher;
    private final ProcessorOptions processors;
    private final TaskOptions tasks;
    private final TaskLeaseOptions taskLeases;
    private final JournalOptions journal;
    private final JmxOptions jmx;
    private final EntityOptions entities;
    private final BackendOptions backend;

    private Config(final Map<Setting<?>, Object> values)
    {
        this.values = values;
        this.kv = new KvOptions(get(Settings.DATA), get(Settings.KV_ENTRIES), get(Settings.KV_KEY_BYTES),
            get(Settings.KV_VALUE_BYTES));
        this.budget = new BudgetOptions(get(Settings.BUDGET_STEPS), get(Settings.BUDGET_MILLIS),
            get(Settings.BUDGET_SIZE));
        this.dispatcher = new DispatcherOptions(get(Settings.QUEUE_CAPACITY), get(Settings.PUBLISH_TIMEOUT_MILLIS),
            get(Settings.OVERFLOW), get(Settings.WORKERS), get(Settings.IDLE),
            DispatcherOptions.defaultMaxSpinningWorkers(), get(Settings.AWAIT_TIMEOUT_MILLIS),
            DispatcherOptions.DEFAULT_MAX_COMPENSATING_THREADS, get(Settings.MAX_DEPTH));
        this.processors = new ProcessorOptions(get(Settings.PROCESSORS));
        this.entities = new EntityOptions(get(Settings.ENTITY_LOCAL), get(Settings.ENTITY_BOOT));
        this.tasks = new TaskOptions(get(Settings.TASKS_CONCURRENCY), get(Settings.TASKS_RETENTION_MILLIS),
            get(Settings.TASKS_INLINE_STEPS));
        final Path journalDir = get(Settings.JOURNAL_DIR);
        this.journal = new JournalOptions(get(Settings.JOURNAL_ENABLED),
            journalDir == null ? JournalOptions.defaultFolder(get(Settings.DATA)) : journalDir,
            get(Settings.JOURNAL_ROLL_CYCLE), get(Settings.JOURNAL_RETAIN_CYCLES), get(Settings.JOURNAL_MAX_BYTES),
            get(Settings.JOURNAL_SYNC));
        this.jmx = new JmxOptions(get(Settings.JMX_PORT), get(Settings.JMX_HOST), get(Settings.JMX_PASSWORD_FILE),
            get(Settings.JMX_ACCESS_FILE), get(Settings.JMX_LOGIN), get(Settings.JMX_SSL),
            get(Settings.JMX_LOCAL), get(Settings.JMX_SSL_CONFIG_FILE));
        this.backend = new BackendOptions(get(Settings.BACKEND), get(Settings.NATS_SERVERS), get(Settings.NATS_USER),
            get(Settings.NATS_PASSWORD), get(Settings.NATS_TOKEN), get(Settings.NATS_NKEY_FILE),
            get(Settings.NATS_CREDS_FILE), get(Settings.NATS_TLS), get(Settings.NATS_BUCKET),
            get(Settings.NATS_STREAM), get(Settings.NATS_REPLICAS), get(Settings.NATS_TIMEOUT_MILLIS),
            get(Settings.NATS_QUEUE), get(Settings.NATS_QUEUE_ACK_WAIT_MILLIS));
        this.taskLeases = new TaskLeaseOptions(!backend.embedded(), get(Settings.TASKS_LEASE_MILLIS),
            get(Settings.TASKS_LEASE_RENEW_MILLIS));
    }

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
                throw new ConfigException("unknown setting '" + key + "' (known: "
                    + String.join(", ", KEYS.keySet()) + ")");
            }
        }
        final Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (final Setting<?> setting : Settings.ALL)
        {
            values.put(setting, setting.parse(settings.get(setting.key())));
        }
        return new Config(Collections.unmodifiableMap(values));
    }

    /**
     * @param setting one of {@link Settings}.
     * @param <T>     its type.
     * @return its value (null for a path setting left empty).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(final Setting<T> setting)
    {
        return (T)values.get(setting);
    }

    /** @return the data folder, or null when everything is kept in memory. */
    public Path dataDir()
    {
        return get(Settings.DATA);
    }

    /** @return the scope of sessions that name none; "" is the root. */
    public String scope()
    {
        return get(Settings.SCOPE);
    }

    /** @return the script file run when the runtime starts, or null. */
    public Path bootScript()
    {
        return get(Settings.BOOT);
    }

    /** @return the probes file the agent runs after the boot script, or null. */
    public Path probesFile()
    {
        return get(Settings.PROBES);
    }

    /** @return the inline probes ({@link dev.sxs.lang.probe.InlineProbes}) the agent runs after the file, or "". */
    public String inlineProbes()
    {
        return get(Settings.PROBE);
    }

    /** @return the store's options: the data folder and its sizing. */
    public KvOptions kv()
    {
        return kv;
    }

    /** @return the limits of one evaluation. */
    public BudgetOptions budget()
    {
        return budget;
    }

    /** @return the dispatcher's options: queues, overflow, workers, idle strategy, await timeout. */
    public DispatcherOptions dispatcher()
    {
        return dispatcher;
    }

    /** @return the number of script processors. */
    public ProcessorOptions processors()
    {
        return processors;
    }

    /** @return the durable task engine's options. */
    public TaskOptions tasks()
    {
        return tasks;
    }

    /** @return the task leases' settings; shared unless the store is the embedded one. */
    public TaskLeaseOptions taskLeases()
    {
        return taskLeases;
    }

    /** @return the journal's options; its folder is {@code journal.dir}, else {@code <data>/journal}, else null. */
    public JournalOptions journal()
    {
        return journal;
    }

    /** @return which entities local callers and the boot script run as. */
    public EntityOptions entities()
    {
        return entities;
    }

    /** @return the remote JMX settings. */
    public JmxOptions jmx()
    {
        return jmx;
    }

    /** @return where the store lives: {@code backend} and the {@code nats.*} settings. */
    public BackendOptions backend()
    {
        return backend;
    }

    /**
     * A copy with some settings changed, validated again.
     *
     * @param overrides key to value text.
     * @return the new configuration.
     * @throws ConfigException as {@link #parse} does.
     */
    public Config with(final Map<String, String> overrides)
    {
        final Map<String, String> all = new LinkedHashMap<>(asMap());
        all.putAll(overrides);
        return parse(all);
    }

    /**
     * @return every setting as key to value text, in {@link #KEYS} order; {@link #parse} reads it back equal.
     */
    public Map<String, String> asMap()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        for (final Setting<?> setting : Settings.ALL)
        {
            m.put(setting.key(), printed(setting));
        }
        return m;
    }

    private <T> String printed(final Setting<T> setting)
    {
        return setting.print(get(setting));
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Config config && values.equals(config.values);
    }

    @Override
    public int hashCode()
    {
        return values.hashCode();
    }

    @Override
    public String toString()
    {
        return "Config" + asMap();
    }
}
