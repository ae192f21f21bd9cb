package dev.sxs.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.IdleMode;
import dev.sxs.events.OverflowPolicy;
import dev.sxs.journal.JournalOptions;
import dev.sxs.journal.JournalSync;
import dev.sxs.kv.KvOptions;
import dev.sxs.lang.BudgetOptions;
import dev.sxs.lang.probe.InlineProbes;
import dev.sxs.task.TaskLeaseOptions;
import dev.sxs.task.TaskOptions;

/**
 * Every sxs setting, defined once: key, default (the {@code DEFAULT_*} constant of the capability's
 * options record), parser and range, and a one-line description. {@link Config} is built from this
 * table; {@code docs/configuration.md} documents each key (a test checks that it does). Add a setting
 * here, to {@link #ALL}, and to the options record {@link Config} builds from it.
 */
public final class Settings
{
    /** Folder of the store and journal; none keeps everything in memory. */
    public static final Setting<Path> DATA = Setting.path("data",
        "folder of the store (store.dat) and journal; none keeps everything in memory");
    /** Scope of sessions that name none. */
    public static final Setting<String> SCOPE = Setting.text("scope", "",
        "scope (hidden key prefix) of sessions that do not name one; \"\" is the root");
    /** Entity of local callers. */
    public static final Setting<String> ENTITY_LOCAL = Setting.nonEmpty("entity.local", EntityOptions.DEFAULT_ENTITY,
        "entity that local callers (attach, CLI, in-process JMX, Java API) run as; root has every right");
    /** Entity of the boot script. */
    public static final Setting<String> ENTITY_BOOT = Setting.nonEmpty("entity.boot", EntityOptions.DEFAULT_ENTITY,
        "entity the boot script runs as");
    /** Store sizing: entries. */
    public static final Setting<Long> KV_ENTRIES = Setting.longIn("kv.entries", KvOptions.DEFAULT_ENTRIES, 1, 1L << 32,
        "entries the store is sized for (a sizing target, not an exact limit)");
    /** Store sizing: average key bytes. */
    public static final Setting<Integer> KV_KEY_BYTES = Setting.intIn("kv.keyBytes",
        KvOptions.DEFAULT_AVERAGE_KEY_BYTES, 1, 1 << 20, "average key size in bytes, for sizing the store");
    /** Store sizing: average value bytes. */
    public static final Setting<Integer> KV_VALUE_BYTES = Setting.intIn("kv.valueBytes",
        KvOptions.DEFAULT_AVERAGE_VALUE_BYTES, 1, 1 << 24,
        "average value size in bytes (canonical printed form), for sizing the store");
    /** Evaluation steps per script. */
    public static final Setting<Long> BUDGET_STEPS = Setting.longIn("budget.steps", BudgetOptions.DEFAULT_STEPS,
        1, Long.MAX_VALUE, "evaluation steps one script (or one handler run) may take");
    /** Wall time per script. */
    public static final Setting<Long> BUDGET_MILLIS = Setting.longIn("budget.millis", BudgetOptions.DEFAULT_MILLIS,
        1, Long.MAX_VALUE, "wall time one script may take, milliseconds");
    /** Size limit of one value a script makes. */
    public static final Setting<Long> BUDGET_SIZE = Setting.longIn("budget.size", BudgetOptions.DEFAULT_SIZE,
        1, Integer.MAX_VALUE, "items of a list, or characters of a string, one value a script makes may hold");
    /** Default await timeout. */
    public static final Setting<Long> AWAIT_TIMEOUT_MILLIS = Setting.longIn("await.timeoutMillis",
        DispatcherOptions.DEFAULT_AWAIT_TIMEOUT_MILLIS, 0, Long.MAX_VALUE, "default timeout of core/expr/await, ms");
    /** Per-channel queue capacity. */
    public static final Setting<Integer> QUEUE_CAPACITY = Setting.intIn("events.queueCapacity",
        DispatcherOptions.DEFAULT_QUEUE_CAPACITY, 1, 1 << 24, "events one channel may hold queued before backpressure");
    /** BLOCK wait. */
    public static final Setting<Long> PUBLISH_TIMEOUT_MILLIS = Setting.longIn("events.publishTimeoutMillis",
        DispatcherOptions.DEFAULT_PUBLISH_TIMEOUT_MILLIS, 0, Long.MAX_VALUE,
        "how long a publisher waits on a full queue under BLOCK, ms");
    /** Full-queue policy. */
    public static final Setting<OverflowPolicy> OVERFLOW = Setting.oneOf("events.overflow",
        DispatcherOptions.defaults().overflow(), List.of(OverflowPolicy.values()), OverflowPolicy::name,
        "full-queue policy");
    /** Maximum causal depth of a publication. */
    public static final Setting<Integer> MAX_DEPTH = Setting.intIn(DispatcherOptions.MAX_DEPTH_SETTING,
        DispatcherOptions.DEFAULT_MAX_DEPTH, 0, DispatcherOptions.MAX_MAX_DEPTH,
        "handler hops a publication may be from the outside publish; deeper ones are refused");
    /** Dispatcher workers. */
    public static final Setting<Integer> WORKERS = Setting.intIn("events.workers", DispatcherOptions.DEFAULT_WORKERS,
        1, 256, "dispatcher worker threads");
    /** Worker idle strategy. */
    public static final Setting<IdleMode> IDLE = Setting.oneOf("events.idle", DispatcherOptions.defaults().idle(),
        List.of(IdleMode.values()), IdleMode::label, "worker idle strategy");
    /** Script processors. */
    public static final Setting<Integer> PROCESSORS = Setting.intIn("processors", ProcessorOptions.DEFAULT_COUNT,
        1, 65536, "script processors on the execution channel");
    /** Journal on or off. */
    public static final Setting<Boolean> JOURNAL_ENABLED = Setting.bool("journal.enabled",
        JournalOptions.DEFAULT_ENABLED, "whether accepted events are journaled");
    /** Journal folder. */
    public static final Setting<Path> JOURNAL_DIR = Setting.path("journal.dir",
        "journal folder; none means <data>/journal");
    /** Journal roll cycle. */
    public static final Setting<String> JOURNAL_ROLL_CYCLE = Setting.of("journal.rollCycle",
        JournalOptions.DEFAULT_ROLL_CYCLE, Settings::rollCycle, name -> name, "Chronicle Queue roll cycle");
    /** Journal retention. */
    public static final Setting<Integer> JOURNAL_RETAIN_CYCLES = Setting.intIn("journal.retainCycles",
        JournalOptions.DEFAULT_RETAIN_CYCLES, 0, Integer.MAX_VALUE, "roll cycles to keep; 0 keeps all");
    /** Journal size bound. */
    public static final Setting<Long> JOURNAL_MAX_BYTES = Setting.longIn("journal.maxBytes",
        JournalOptions.DEFAULT_MAX_BYTES, 0, Long.MAX_VALUE,
        "bound on the journal's size: oldest roll cycles are deleted beyond it (never the current one); 0 keeps all");
    /** Journal sync. */
    public static final Setting<JournalSync> JOURNAL_SYNC = Setting.oneOf("journal.sync", JournalOptions.DEFAULT_SYNC,
        List.of(JournalSync.values()), JournalSync::label,
        "when journal records are forced to disk: none (they survive a process crash) or every (a machine crash)");
    /** Remote JMX port. */
    public static final Setting<Integer> JMX_PORT = Setting.intIn("jmx.port", JmxOptions.DEFAULT_PORT, 0, 65535,
        "remote JMX port; 0 opens no port");
    /** Remote JMX bind address. */
    public static final Setting<String> JMX_HOST = Setting.nonEmpty("jmx.host", JmxOptions.DEFAULT_HOST,
        "address the remote JMX connector binds to");
    /** JMX password file. */
    public static final Setting<Path> JMX_PASSWORD_FILE = Setting.path("jmx.passwordFile", "JMX password file");
    /** JMX access file. */
    public static final Setting<Path> JMX_ACCESS_FILE = Setting.path("jmx.accessFile",
        "JMX access file (roles readonly, readwrite)");
    /** JAAS login entry. */
    public static final Setting<String> JMX_LOGIN = Setting.text("jmx.login", "",
        "JAAS login configuration entry, instead of a password file");
    /** TLS for remote JMX. */
    public static final Setting<Boolean> JMX_SSL = Setting.bool("jmx.ssl", JmxOptions.DEFAULT_SSL,
        "TLS for the remote JMX connector");
    /** TLS key store settings for remote JMX, from a file rather than the command line. */
    public static final Setting<Path> JMX_SSL_CONFIG_FILE = Setting.path("jmx.sslConfigFile",
        "properties file with javax.net.ssl.keyStore, keyStorePassword, keyStoreType for jmx.ssl (keeps the "
        + "password off the command line)");
    /** What unauthenticated in-process JMX callers may do. */
    public static final Setting<Boolean> JMX_LOCAL = Setting.of("jmx.local", JmxOptions.DEFAULT_LOCAL_READ_ONLY,
        Settings::localReadOnly, readOnly -> readOnly ? JmxOptions.LOCAL_READ_ONLY : JmxOptions.LOCAL_READ_WRITE,
        "readonly: callers inside the host JVM without JMX authentication (Jolokia, Hawtio, actuator) may only read; "
        + "readwrite: they may also eval, set, publish, stop");
    /** Task steps submitted at a time. */
    public static final Setting<Integer> TASKS_CONCURRENCY = Setting.intIn("tasks.concurrency",
        TaskOptions.DEFAULT_CONCURRENCY, 1, 65536, "durable task steps submitted to the processors at a time");
    /** How long finished tasks are kept. */
    public static final Setting<Long> TASKS_RETENTION_MILLIS = Setting.longIn("tasks.retentionMillis",
        TaskOptions.DEFAULT_RETENTION_MILLIS, 0, Long.MAX_VALUE,
        "how long a finished task and its frame are kept before they are removed");
    /** Steps of one task run back to back on one processor. */
    public static final Setting<Integer> TASKS_INLINE_STEPS = Setting.intIn("tasks.inlineSteps",
        TaskOptions.DEFAULT_INLINE_STEPS, 1, 1_000_000,
        "steps of one task run back to back on one processor before it goes back to the queue "
        + "(1: each step queued on the execution channel)");
    /** A runtime's task lease on a shared store. */
    public static final Setting<Long> TASKS_LEASE_MILLIS = Setting.longIn("tasks.leaseMillis",
        TaskLeaseOptions.DEFAULT_LEASE_MILLIS, 3 * TaskLeaseOptions.MIN_RENEW_MILLIS, Long.MAX_VALUE,
        "backend=nats: how long another JVM waits, after it last saw this JVM's task lease renewed, before it takes "
        + "over its tasks, ms (more than twice tasks.leaseRenewMillis)");
    /** How often a runtime renews its task lease. */
    public static final Setting<Long> TASKS_LEASE_RENEW_MILLIS = Setting.longIn("tasks.leaseRenewMillis",
        TaskLeaseOptions.DEFAULT_RENEW_MILLIS, TaskLeaseOptions.MIN_RENEW_MILLIS, Long.MAX_VALUE,
        "backend=nats: how often this JVM renews its task lease, ms; it commits no step later than "
        + "tasks.leaseMillis minus this after its last renewal began");
    /** Boot script. */
    public static final Setting<Path> BOOT = Setting.path("boot", "script file run when the runtime starts");
    /** Probes file (agent only). */
    public static final Setting<Path> PROBES = Setting.path("probes",
        "file of core/probe/on forms the agent runs after the boot script, in the session \"probes\"");
    /** Probes written inline, run with the probes file. */
    public static final Setting<String> PROBE = Setting.of("probe", "", InlineProbes::validate, text -> text,
        "probes CLASS#METHOD@CHANNEL:TOPIC[ OPTIONS], separated by ';', run after the probes file");

    /** When the agent starts (agent only; the bootstrap reads it before this class is loaded). */
    public static final Setting<String> START = Setting.oneOf("start", "deferred", List.of("deferred", "now"),
        name -> name, "when an agent loaded with -javaagent starts: deferred (once the host's class loading has "
        + "stood still for start.quietMillis: the host's start is not slowed) or now; an attach starts at once");
    /** How long class loading must stand still before a deferred start. */
    public static final Setting<Long> START_QUIET_MILLIS = Setting.longIn("start.quietMillis", 500, 1, 60_000,
        "milliseconds without a class loaded in the JVM after which a deferred start begins");
    /** The longest deferral. */
    public static final Setting<Long> START_MAX_WAIT_MILLIS = Setting.longIn("start.maxWaitMillis", 30_000, 0,
        600_000, "milliseconds after premain at which a deferred start begins even if classes are still loading");

    /** Where the store lives. */
    public static final Setting<String> BACKEND = Setting.oneOf("backend", BackendOptions.DEFAULT_NAME,
        BackendOptions.NAMES, name -> name, "where the store lives: chronicle (embedded, this JVM) or nats "
        + "(a NATS JetStream key/value bucket shared by every JVM that names it)");
    /** NATS servers. */
    public static final Setting<List<String>> NATS_SERVERS = Setting.of("nats.servers",
        BackendOptions.serverList(BackendOptions.DEFAULT_SERVERS), BackendOptions::serverList,
        servers -> String.join(";", servers), "NATS server URLs, separated by ; (or , outside agent arguments)");
    /** NATS user. */
    public static final Setting<String> NATS_USER = Setting.text("nats.user", "", "NATS user name; none by default");
    /** NATS password. */
    public static final Setting<String> NATS_PASSWORD = Setting.text("nats.password", "",
        "password of nats.user");
    /** NATS token. */
    public static final Setting<String> NATS_TOKEN = Setting.text("nats.token", "", "NATS token authentication");
    /** NATS NKey seed file. */
    public static final Setting<Path> NATS_NKEY_FILE = Setting.path("nats.nkeyFile",
        "file holding a NATS user NKey seed (nkey authentication)");
    /** NATS credentials file. */
    public static final Setting<Path> NATS_CREDS_FILE = Setting.path("nats.credsFile",
        "NATS credentials file (user JWT and NKey seed)");
    /** TLS to NATS. */
    public static final Setting<Boolean> NATS_TLS = Setting.bool("nats.tls", false,
        "TLS to the NATS servers, with the JDK's default SSL context (javax.net.ssl.* properties)");
    /** The store's bucket. */
    public static final Setting<String> NATS_BUCKET = Setting.nonEmpty("nats.bucket", BackendOptions.DEFAULT_BUCKET,
        "JetStream key/value bucket that holds the store (created when missing)");
    /** The events' stream. */
    public static final Setting<String> NATS_STREAM = Setting.text("nats.stream", BackendOptions.DEFAULT_STREAM,
        "JetStream stream that keeps every JVM's events of channels A..F (created when missing); \"\" for none");
    /** Replicas of what sxs creates in JetStream. */
    public static final Setting<Integer> NATS_REPLICAS = Setting.intIn("nats.replicas", BackendOptions.DEFAULT_REPLICAS,
        1, 5, "replicas of the bucket when sxs creates it (3 on a 3-node cluster survives one node down)");
    /** How long a NATS operation may wait. */
    public static final Setting<Long> NATS_TIMEOUT_MILLIS = Setting.longIn("nats.timeoutMillis",
        BackendOptions.DEFAULT_TIMEOUT_MILLIS, 1, Long.MAX_VALUE,
        "how long one store operation may wait for the NATS cluster before it fails, ms");
    /** The execution channel's work-queue stream. */
    public static final Setting<String> NATS_QUEUE = Setting.text("nats.queue", BackendOptions.DEFAULT_QUEUE,
        "JetStream work-queue stream of the scripts core/exec/queue hands to one JVM (created when missing); \"\" "
            + "for none");
    /** How long a queued script may run before the cluster hands it to another JVM. */
    public static final Setting<Long> NATS_QUEUE_ACK_WAIT_MILLIS = Setting.longIn("nats.queueAckWaitMillis",
        BackendOptions.DEFAULT_QUEUE_ACK_WAIT_MILLIS, 1000, Long.MAX_VALUE,
        "how long a queued script may run unacknowledged before the cluster gives it to another JVM, ms");

    /** Every setting, in the order of {@link Config#KEYS} and the documentation. */
    public static final List<Setting<?>> ALL = List.of(DATA, SCOPE, ENTITY_LOCAL, ENTITY_BOOT, KV_ENTRIES,
        KV_KEY_BYTES, KV_VALUE_BYTES,
        BUDGET_STEPS, BUDGET_MILLIS, BUDGET_SIZE, AWAIT_TIMEOUT_MILLIS, QUEUE_CAPACITY, PUBLISH_TIMEOUT_MILLIS,
        OVERFLOW, MAX_DEPTH, WORKERS, IDLE, PROCESSORS, JOURNAL_ENABLED, JOURNAL_DIR, JOURNAL_ROLL_CYCLE,
        JOURNAL_RETAIN_CYCLES, JOURNAL_MAX_BYTES, JOURNAL_SYNC, JMX_PORT, JMX_HOST, JMX_PASSWORD_FILE, JMX_ACCESS_FILE,
        JMX_LOGIN, JMX_SSL, JMX_SSL_CONFIG_FILE, JMX_LOCAL, TASKS_CONCURRENCY, TASKS_RETENTION_MILLIS,
        TASKS_INLINE_STEPS, TASKS_LEASE_MILLIS, TASKS_LEASE_RENEW_MILLIS, BOOT, PROBES, PROBE, START,
        START_QUIET_MILLIS, START_MAX_WAIT_MILLIS,
        BACKEND, NATS_SERVERS, NATS_USER, NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_FILE, NATS_CREDS_FILE, NATS_TLS,
        NATS_BUCKET, NATS_STREAM, NATS_REPLICAS, NATS_TIMEOUT_MILLIS, NATS_QUEUE, NATS_QUEUE_ACK_WAIT_MILLIS);

    private Settings()
    {
    }

    private static String rollCycle(final String text)
    {
        final String upper = text.toUpperCase(Locale.ROOT);
        if (!JournalOptions.ROLL_CYCLES.contains(upper))
        {
            throw new IllegalArgumentException(JournalOptions.rollCycleExpectation());
        }
        return upper;
    }

    private static Boolean localReadOnly(final String text)
    {
        if (JmxOptions.LOCAL_READ_ONLY.equalsIgnoreCase(text))
        {
            return true;
        }
        if (JmxOptions.LOCAL_READ_WRITE.equalsIgnoreCase(text))
        {
            return false;
        }
        throw new IllegalArgumentException("one of " + JmxOptions.LOCAL_READ_WRITE + ", " + JmxOptions.LOCAL_READ_ONLY);
    }
}
