package dev.sxs.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

import dev.sxs.bootstrap.SxsBootstrap;
import dev.sxs.jmx.ManagedParts;
import dev.sxs.jmx.ManagementOptions;
import dev.sxs.jmx.SxsManagement;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.RuntimeView;
import dev.sxs.jmx.remote.RemoteConnector;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;

/**
 * sxs running inside a host JVM: the runtime, its MBeans, the threads that serve management calls and
 * the shutdown hook. At most one per JVM ({@link #current()}).
 * <p>
 * Host safety: management calls are evaluated on the {@link ManagementThreads} ({@code sxs-mgmt-N} for calls
 * that run no script, {@code sxs-call-N} for evals and replays, so a stuck script never delays an attribute
 * read or a publish), made by the runtime's thread factory, never on the caller's thread (so no host thread ever runs
 * Chronicle code or keeps a thread-local of ours, and no sxs thread inherits a host's class loader);
 * nothing here throws into a caller. {@link #stop()} unloads completely: MBeans, shutdown hook,
 * runtime (drained, files closed), threads, and finally this class loader, which nothing outside it
 * references afterwards.
 */
public final class SxsAgent
{
    /** Threads serving management calls that run no script (attributes, publish, store and session calls). */
    public static final int DEFAULT_MANAGEMENT_THREADS = 2;
    /** Threads serving script calls (eval, replay), started with the agent. */
    public static final int DEFAULT_SCRIPT_CALL_THREADS = 2;
    /** Most script calls served at once; one more is refused at once as busy. */
    public static final int DEFAULT_MAX_SCRIPT_CALLS = 16;
    /** Extra time a call that runs no script waits beyond the publish timeout, ms (the documented bound). */
    public static final long DEFAULT_QUICK_GRACE_MILLIS = 1_000;
    /** Extra time a management call waits beyond the evaluation budget, ms. */
    public static final long DEFAULT_CALL_GRACE_MILLIS = 5_000;
    /** How long stop waits for management threads to finish, ms. */
    public static final long DEFAULT_STOP_WAIT_MILLIS = 10_000;

    private static volatile SxsAgent current;

    private final Config config;
    private final RuntimeHandle runtime;
    private final ManagementThreads management;
    private volatile SxsManagement.Registration beans;
    private volatile RemoteConnector remote;
    private volatile AgentProbes probes;
    private final ShutdownGuard shutdownGuard;
    private final long startedAtMillis = System.currentTimeMillis();
    private volatile boolean stopped;

    private SxsAgent(final Config config, final RuntimeHandle runtime, final ShutdownGuard shutdownGuard)
    {
        this.shutdownGuard = shutdownGuard;
        this.config = config;
        this.runtime = runtime;
        // an await never outlives the script's budget, so budget plus grace bounds every script call
        this.management = new ManagementThreads(runtime.runtime().threads(), DEFAULT_MANAGEMENT_THREADS,
            DEFAULT_SCRIPT_CALL_THREADS, DEFAULT_MAX_SCRIPT_CALLS, DEFAULT_CALL_GRACE_MILLIS,
            config.dispatcher().publishTimeoutMillis() + DEFAULT_QUICK_GRACE_MILLIS,
            config.budget().millis() + DEFAULT_CALL_GRACE_MILLIS,
            DEFAULT_STOP_WAIT_MILLIS + config.budget().millis() * 2 + DEFAULT_CALL_GRACE_MILLIS);
    }

    /**
     * Start sxs: the runtime, the boot script, the MBeans and the shutdown hook.
     *
     * @param config the validated configuration.
     * @return the running agent.
     * @throws ConfigException when the boot script cannot be read, or a remote JMX port is set without
     *                         credentials (both before anything is opened).
     * @throws IllegalStateException when sxs already runs in this class loader or an MBean name is taken.
     */
    public static synchronized SxsAgent start(final Config config)
    {
        return start(config, null);
    }

    /**
     * Start sxs with probes: as {@link #start(Config)}, then the probes file ({@code probes=}) after the boot
     * script.
     *
     * @param config the validated configuration.
     * @param inst   the JVM's instrumentation (probes), or null for none.
     * @return the running agent.
     * @throws ConfigException when the boot script or probes file cannot be read, or remote JMX lacks credentials.
     * @throws IllegalStateException when sxs already runs in this class loader or an MBean name is taken.
     */
    public static synchronized SxsAgent start(final Config config, final Instrumentation inst)
    {
        if (current != null)
        {
            throw new IllegalStateException("sxs is already running");
        }
        final String boot = readBootScript(config);
        final String probeFile = AgentProbes.readFile(config);
        RemoteConnector.requireCredentials(config); // refuse before the store and journal are opened
        // before anything opens: a JVM that exits while sxs starts waits for the start, then closes the store
        final ShutdownGuard guard = ShutdownGuard.install(ShutdownGuard.DEFAULT_START_WAIT_MILLIS);
        try
        {
            final SxsAgent agent = open(config, inst, boot, probeFile, guard);
            guard.started(agent::shutdown);
            current = agent;
            return agent;
        }
        catch (final RuntimeException | Error ex)
        {
            guard.failed(); // an exit does not wait for a start that will never end
            throw ex;
        }
    }

    private static SxsAgent open(final Config config, final Instrumentation inst, final String boot,
        final String probeFile, final ShutdownGuard guard)
    {
        final RuntimeHandle runtime = RuntimeHandle.open(config, agentLog());
        final SxsAgent agent = new SxsAgent(config, runtime, guard);
        try
        {
            agent.probes = AgentProbes.start(inst, runtime.runtime());
            if (boot != null)
            {
                agent.runBoot(boot);
            }
            if (probeFile != null || !config.inlineProbes().isEmpty())
            {
                agent.runProbes(probeFile);
            }
            agent.registerBeans();
            agent.openRemoteConnector();
            ChronicleHousekeeping.nameThreads();
        }
        catch (final RuntimeException | Error ex)
        {
            agent.closeProbes();
            agent.closeManagement();
            agent.management.shutdown(0);
            runtime.close();
            throw ex;
        }
        return agent;
    }

    /**
     * @return the running agent of this class loader, or null.
     */
    public static SxsAgent current()
    {
        return current;
    }

    /**
     * The one place where sxs MBeans are registered: every {@code dev.sxs} MBean and the
     * {@code dev.sxs.metrics} metrics, all served on the {@link ManagementThreads}.
     */
    private void registerBeans()
    {
        final SxsRuntime rt = runtime.runtime();
        final RuntimeView view = new RuntimeView(config, rt.gateway(), this::stop,
            () -> stopped ? "stopped" : "running");
        final ManagedParts parts = ManagedParts.live(view, runtime.store(), rt.dispatcher(), runtime.journal(),
            rt.gateway(), EvaluationCounters.of(rt.interpreter().stats()), System.err::println,
            rt.threads(), rt.eventStream()).withTasks(rt.clusterTasks(), runtime.store());
        beans = SxsManagement.register(parts, runtime.metrics(), ManagementFactory.getPlatformMBeanServer(),
            management::run, ManagementOptions.of(config.jmx()));
        final AgentProbes p = probes;
        if (p != null)
        {
            SxsManagement.registerProbes(beans, p.registry(), parts.audit(), management::run,
                ManagementOptions.of(config.jmx()));
        }
    }

    /**
     * Open the remote JMX connector when {@code jmx.port} is set.
     *
     * @throws ConfigException when it is refused (no credentials, unusable files) or the port cannot be opened.
     */
    private void openRemoteConnector()
    {
        try
        {
            remote = RemoteConnector.startIfConfigured(config, ManagementFactory.getPlatformMBeanServer()).orElse(null);
            if (remote != null)
            {
                System.err.println("[sxs] remote JMX at " + remote.serviceUrl());
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new ConfigException("cannot open remote JMX on " + config.jmx().host() + ":" + config.jmx().port()
                + ": " + ex.getMessage());
        }
    }

    private void closeManagement()
    {
        final RemoteConnector r = remote;
        if (r != null)
        {
            r.close();
            remote = null;
        }
        final SxsManagement.Registration b = beans;
        if (b != null)
        {
            b.close();
            beans = null;
        }
    }

    /** @return the configuration. */
    public Config config()
    {
        return config;
    }

    /** @return the runtime. */
    public RuntimeHandle runtime()
    {
        return runtime;
    }

    /** @return when sxs started, ms since the epoch. */
    public long startedAtMillis()
    {
        return startedAtMillis;
    }

    /** @return whether {@link #stop()} has run. */
    public boolean stopped()
    {
        return stopped;
    }

    /**
     * Unload sxs from this JVM. Runs on its own thread {@code sxs-stop} (the management threads it
     * stops may be the caller) and waits for it. Idempotent; never throws.
     *
     * @return {@code stopped}.
     */
    public String stop()
    {
        final Thread stopper = runtime.runtime().threads().newThread(() -> unload(true), "sxs-stop");
        stopper.start();
        try
        {
            stopper.join(DEFAULT_STOP_WAIT_MILLIS + config.budget().millis() * 2);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return "stopped";
    }

    private void shutdown()
    {
        unload(false);
    }

    private void unload(final boolean removeHook)
    {
        synchronized (SxsAgent.class)
        {
            if (stopped)
            {
                return;
            }
            stopped = true;
            System.setProperty(SxsBootstrap.STATUS_PROPERTY, "stopping");
            closeProbes(); // first: no host class refers to sxs once the rest goes
            closeManagement();
            if (removeHook)
            {
                shutdownGuard.remove(); // false when the JVM is shutting down already
            }
            management.shutdown(DEFAULT_STOP_WAIT_MILLIS);
            try
            {
                runtime.close();
            }
            catch (final RuntimeException ex)
            {
                System.err.println("[sxs] error while closing the runtime: " + ex);
            }
            current = null;
            if (removeHook)
            {
                ChronicleHousekeeping.unload();
                ThreadScrubber.scrub(SxsAgent.class.getClassLoader());
                ThreadLocalScrubber.scrub(SxsAgent.class.getClassLoader()); // probes published on host threads
            }
            System.setProperty("sxs.status", "stopped");
            if (removeHook)
            {
                OwnLoader.close();
            }
        }
    }

    private void runProbes(final String source)
    {
        final AgentProbes p = probes;
        if (p == null)
        {
            System.err.println("[sxs] probes not run: this JVM gives sxs no probes");
            return;
        }
        if (source != null)
        {
            p.runFile(source, config.probesFile());
        }
        p.runInline(config.inlineProbes());
    }

    private void closeProbes()
    {
        final AgentProbes p = probes;
        if (p != null)
        {
            probes = null;
            p.close();
        }
    }

    /** @return the probes registry, or null when this JVM gives sxs no instrumentation. */
    public dev.sxs.lang.probe.ProbeRegistry probes()
    {
        final AgentProbes p = probes;
        return p == null ? null : p.registry();
    }

    private void runBoot(final String source)
    {
        final List<Value> results = runtime.eval(source, null, Principal.BOOT);
        for (int i = 0; i < results.size(); i++)
        {
            if (results.get(i).isError())
            {
                System.err.println("[sxs] boot script " + config.bootScript() + ", form " + (i + 1) + ": "
                    + Printer.print(results.get(i)));
            }
        }
    }

    private static String readBootScript(final Config config)
    {
        if (config.bootScript() == null)
        {
            return null;
        }
        try
        {
            return Files.readString(config.bootScript(), StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigException("cannot read boot script '" + config.bootScript() + "': no such file");
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new ConfigException("cannot read boot script '" + config.bootScript() + "': " + ex.getMessage());
        }
    }

    private static LogSink agentLog()
    {
        return (session, line) -> System.err.println("[sxs] " + line);
    }
}
