package dev.sxs.runtime;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.EventJournal;
import dev.sxs.entity.Entities;
import dev.sxs.gateway.EntityMapping;
import dev.sxs.gateway.Gateway;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.journal.Journal;
import dev.sxs.journal.Journals;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.CommandRegistry;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Services;
import dev.sxs.lang.Session;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.CoreCommands;
import dev.sxs.lang.entity.EntityCommands;
import dev.sxs.lang.event.EventCommands;
import dev.sxs.lang.probe.ProbeCommands;
import dev.sxs.lang.task.TaskCommands;
import dev.sxs.lang.task.TaskControl;
import dev.sxs.session.Principal;
import dev.sxs.session.Origin;
import dev.sxs.session.SessionRegistry;
import dev.sxs.session.SessionRequest;
import dev.sxs.session.SxsSession;
import dev.sxs.task.ClusterTasks;
import dev.sxs.task.TaskEngine;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The sxs runtime wired from a {@link Config}: the key/value store, an {@link Interpreter} with the
 * core and event commands, the event {@link Dispatcher} (channels A..F and the execution channel),
 * the script {@link Processors} behind the execution channel, the {@link SessionRegistry} and the
 * {@link Gateway} every submission goes through. One {@link SxsThreadFactory}, made at start, makes
 * every thread of it.
 * <p>
 * Threading: {@link #eval} and {@link #submit} may be called from any number of threads. Failure:
 * neither throws; every problem is an error value. {@link #close()} drains the channels and
 * processors, then releases the store; it is idempotent.
 */
public final class SxsRuntime implements AutoCloseable
{
    private final Config config;
    private final RuntimeResources resources;
    private final KvStore store;
    private final Interpreter interpreter;
    private final LogSink log;
    private final Dispatcher dispatcher;
    private final Processors processors;
    private final SxsThreadFactory threads;
    private final SessionRegistry sessions;
    private final Gateway gateway;
    private final Entities entities;
    private final TaskEngine tasks;
    private final ClusterTasks clusterTasks;
    private volatile boolean closed;

    private SxsRuntime(final Config config, final SxsThreadFactory threads, final RuntimeResources resources,
        final LogSink log)
    {
        this.config = config;
        this.resources = resources;
        this.store = resources.store();
        this.log = log;
        final EventJournal journal = resources.journalHook();
        final ChannelBridge bridge = resources.bridge();
        final CommandRegistry registry = TaskCommands.registerAll(ProbeCommands.registerAll(
            EntityCommands.registerAll(EventCommands.registerAll(CoreCommands.registerAll(new CommandRegistry())))));
        final Services services = new Services();
        this.interpreter = new Interpreter(registry, services, config.budget());
        this.threads = threads;
        this.dispatcher = Dispatcher.start(config.dispatcher(), bridge == null ? journal : bridge.outbound(journal),
            threads);
        services.put(Dispatcher.class, dispatcher);
        if (journal instanceof Journal events)
        {
            services.put(Journal.class, events); // core/event/pub names why a record was refused
        }
        this.sessions = new SessionRegistry(store, log, dispatcher);
        this.processors = Processors.start(dispatcher, new InterpreterRunner(interpreter), config.processors().count(),
            this::replaySession, threads);
        this.entities = Entities.open(store, System::nanoTime);
        services.put(Entities.class, entities); // core/entity/* manage them
        this.gateway = new Gateway(config.scope(), sessions, processors, interpreter, dispatcher)
            .checkEntities(entities, new EntityMapping(config.entities().local())
                .with(Origin.BOOT, config.entities().boot()));
        if (bridge != null)
        {
            bridge.start(dispatcher); // other JVMs' events from now on
        }
        QueuedScripts.start(bridge, services, gateway); // a cluster's queued scripts (backend=nats)
        this.tasks = TaskEngine.open(config.tasks(), config.taskLeases(), store, interpreter, gateway, dispatcher,
            threads);
        // status, list, resume and cancel of every task on the store, whichever runtime owns it (backend=nats)
        this.clusterTasks = ClusterTasks.open(tasks, store, config.taskLeases().shared(), threads);
        services.put(TaskControl.class, clusterTasks.control());
        tasks.recover();
    }

    private SxsSession replaySession(final String scope)
    {
        return gateway.replaySession(scope);
    }

    /**
     * Start a runtime: open the store ({@link ChronicleKvStore}: in memory, or persisted under
     * {@code data}; or the {@link Backend} that {@code backend} names) and the journal
     * ({@link Journals#open}) the configuration describes, and start the dispatcher and processors. Log lines go to {@link LogSink#STDERR}.
     *
     * @param config the configuration.
     * @return the runtime; close it to drain and release the store and journal.
     * @throws RuntimeException when the store or journal cannot be opened (e.g.
     *                          {@link dev.sxs.kv.DataFolderLockedException}); nothing is left open then.
     */
    public static SxsRuntime start(final Config config)
    {
        return start(config, LogSink.STDERR);
    }

    /**
     * Start a runtime like {@link #start(Config)}, with a log sink of the caller's choice.
     *
     * @param config the configuration.
     * @param log    where {@code core/util/log} lines go.
     * @return the runtime; close it to drain and release the store and journal.
     */
    public static SxsRuntime start(final Config config, final LogSink log)
    {
        return start(config, log, UnaryOperator.identity());
    }

    /**
     * Start a runtime like {@link #start(Config, LogSink)}, with the store wrapped before anything uses it
     * (the agent meters it). The runtime owns the wrapped store and closes it.
     *
     * @param config   the configuration.
     * @param log      where {@code core/util/log} lines go.
     * @param decorate wraps the opened root store; closing the wrapper must close the store.
     * @return the runtime; close it to drain and release the store and journal.
     */
    public static SxsRuntime start(final Config config, final LogSink log, final UnaryOperator<KvStore> decorate)
    {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(log, "log");
        // the one factory of this runtime's threads, made before its first thread (the key indexer)
        final SxsThreadFactory threads = SxsThreadFactory.create();
        final RuntimeResources resources = RuntimeResources.open(config, threads, decorate);
        try
        {
            return new SxsRuntime(config, threads, resources, log);
        }
        catch (final RuntimeException | Error ex)
        {
            resources.stopBridge();
            resources.close();
            throw ex;
        }
    }

    /**
     * Start a runtime over a store the caller opened and keeps owning (it is not closed by
     * {@link #close()}).
     *
     * @param config the configuration.
     * @param store  the root (unscoped) store.
     * @param log    where {@code core/util/log} lines go.
     * @return the runtime.
     */
    public static SxsRuntime start(final Config config, final KvStore store, final LogSink log)
    {
        return start(config, store, log, null);
    }

    /**
     * Start a runtime over a store the caller opened and keeps owning, with a journal hook.
     *
     * @param config  the configuration.
     * @param store   the root (unscoped) store.
     * @param log     where {@code core/util/log} lines go.
     * @param journal receives every accepted event once, before dispatch; null for none.
     * @return the runtime.
     */
    public static SxsRuntime start(final Config config, final KvStore store, final LogSink log,
        final EventJournal journal)
    {
        Objects.requireNonNull(config, "config");
        final RuntimeResources borrowed = RuntimeResources.borrowed(Objects.requireNonNull(store, "store"), journal);
        return new SxsRuntime(config, SxsThreadFactory.create(), borrowed, Objects.requireNonNull(log, "log"));
    }

    /** @return the configuration. */
    public Config config()
    {
        return config;
    }

    /** @return the root (unscoped) store. */
    public KvStore store()
    {
        return store;
    }

    /** @return the interpreter (its registry accepts more commands). */
    public Interpreter interpreter()
    {
        return interpreter;
    }

    /**
     * A new evaluation context in a scope, outside the session registry (for Java code that drives the
     * interpreter itself; its handlers are not listed).
     *
     * @param scope the hidden key prefix; "" for the root scope.
     * @return the session.
     */
    public Session session(final String scope)
    {
        final String s = scope == null ? "" : scope;
        return Session.create(s, store.scoped(s), log);
    }

    /**
     * Evaluate a script on the calling thread in a fresh session of the given scope, under one fresh
     * budget, through the gateway (origin {@link Principal#API}).
     *
     * @param source the script text.
     * @param scope  the scope; "" for root, null for the configured default scope.
     * @return one value per top-level form, or a single read error.
     */
    public List<Value> eval(final String source, final String scope)
    {
        return gateway.evaluate(ScriptSubmission.of(source, Principal.API, "api.eval", SessionRequest.fresh(scope)));
    }

    /** @return the event dispatcher (channels A..F and the execution channel). */
    public Dispatcher dispatcher()
    {
        return dispatcher;
    }

    /** @return the journal this runtime opened, or null when it was given only a journal hook. */
    public Journal journal()
    {
        return resources.journal();
    }

    /** @return the script processors. */
    public Processors processors()
    {
        return processors;
    }

    /** @return the open sessions. */
    public SessionRegistry sessions()
    {
        return sessions;
    }

    /** @return the entities: who may do what (docs/entities.md). */
    public Entities entities()
    {
        return entities;
    }

    /** @return the gateway: the one way in for scripts and events. */
    public Gateway gateway()
    {
        return gateway;
    }

    /** @return the durable task engine. */
    public TaskEngine tasks()
    {
        return tasks;
    }

    /** @return the control of every task on the store, whichever runtime owns it (the engine's own when unshared). */
    public ClusterTasks clusterTasks()
    {
        return clusterTasks;
    }

    /**
     * @return the backend's shared event stream ({@code backend=nats}), which the JMX replay reads; null for the
     *         embedded backend, whose journal is the Chronicle Queue folder.
     */
    public EventStreamSource eventStream()
    {
        return Backends.eventStream(config.backend(), threads);
    }

    /** @return the factory of every thread of this runtime. */
    public SxsThreadFactory threads()
    {
        return threads;
    }

    /**
     * Submit a script on the execution channel in a fresh session of the configured default scope,
     * through the gateway (origin {@link Principal#API}).
     *
     * @param source the script text.
     * @param topic  0..65535; processor {@code topic mod processors} runs it.
     * @return completes with one value per top-level form, or a single error value; never exceptionally.
     */
    public CompletableFuture<List<Value>> submit(final String source, final int topic)
    {
        return gateway.submit(new ScriptSubmission(source, Principal.API, "api.submit", SessionRequest.FRESH, topic));
    }

    /**
     * Submit a script through the gateway.
     *
     * @param submission the script, its principal and session.
     * @return completes with one value per top-level form, or a single error value; never exceptionally.
     *         Cancelling it cancels the script: it stops at its next budget check or await, and its
     *         processor moves on.
     */
    public CompletableFuture<List<Value>> submit(final ScriptSubmission submission)
    {
        return gateway.submit(submission);
    }

    /**
     * Drain the channels and processors (pending events are delivered and handlers finish), stop
     * their threads, then release the journal and store if this runtime opened them. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        clusterTasks.close();
        tasks.close();
        resources.stopBridge(); // no more events from other JVMs while this one drains
        gateway.close();
        dispatcher.close();
        processors.close();
        resources.close(); // the journal, then the store, where this runtime opened them
    }
}
