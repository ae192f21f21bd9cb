package dev.sxs.agent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sxs.bootstrap.SxsBootstrap;
import dev.sxs.jmx.ManagedParts;
import dev.sxs.jmx.SxsManagement;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.RuntimeView;
import dev.sxs.jmx.remote.RemoteConnector;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import dev.sxs.runtime.SxsRuntime;

/**
 * sxs running inside a host JVM: the runtime, its MBeans, the threads that serve management calls and
 * the shutdown hook. At most one per JVM ({@link #current()}).
 * <p>
 * Host safety: management calls are evaluated on the daemon threads {@code sxs-mgmt-N}, never on the
 * caller's thread (so no host thread ever runs Chronicle code or keeps a thread-local of ours);
 * nothing here throws into a caller. {@link #stop()} unloads completely: MBeans, shutdown hook,
 * runtime (drained, files closed), threads, and finally this class loader, which nothing outside it
 * references afterwards.
 */
public final class SxsAgent
{
    /** Threads serving management calls. */
    public static final int DEFAULT_MANAGEMENT_THREADS = 2;
    /** Extra time a management call waits beyond the evaluation budget, ms. */
    public static final long DEFAULT_CALL_GRACE_MILLIS = 5_000;
    /** How long stop waits for management threads to finish, ms. */
    public static final long DEFAULT_STOP_WAIT_MILLIS = 10_000;

    private static volatile SxsAgent current;

    private final Config config;
    private final RuntimeHandle runtime;
    private final ExecutorService management;
    private volatile SxsManagement.Registration beans;
    private volatile RemoteConnector remote;
    private final Thread shutdownHook;
    private final long startedAtMillis = System.currentTimeMillis();
    private volatile boolean stopped;

    private SxsAgent(final Config config, final RuntimeHandle runtime)
    {
        this.config = config;
        this.runtime = runtime;
        final AtomicInteger ids = new AtomicInteger();
        this.management = new ThreadPoolExecutor(DEFAULT_MANAGEMENT_THREADS, DEFAULT_MANAGEMENT_THREADS, 30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r ->
            {
                final Thread t = new Thread(r, "sxs-mgmt-" + ids.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        ((ThreadPoolExecutor)management).allowCoreThreadTimeOut(true);
        this.shutdownHook = new Thread(this::shutdown, "sxs-shutdown");
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
        if (current != null)
        {
            throw new IllegalStateException("sxs is already running");
        }
        final String boot = readBootScript(config);
        RemoteConnector.requireCredentials(config); // refuse before the store and journal are opened
        final RuntimeHandle runtime = RuntimeHandle.open(config, agentLog());
        final SxsAgent agent = new SxsAgent(config, runtime);
        try
        {
            if (boot != null)
            {
                agent.runBoot(boot);
            }
            agent.registerBeans();
            agent.openRemoteConnector();
            Runtime.getRuntime().addShutdownHook(agent.shutdownHook);
            ChronicleHousekeeping.nameThreads();
        }
        catch (final RuntimeException | Error ex)
        {
            agent.closeManagement();
            agent.management.shutdownNow();
            runtime.close();
            throw ex;
        }
        current = agent;
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
     * {@code dev.sxs.metrics} metrics, all served on the {@code sxs-mgmt-N} threads.
     */
    private void registerBeans()
    {
        final SxsRuntime rt = runtime.runtime();
        final RuntimeView view = new RuntimeView(config, runtime::eval, this::stop, () -> stopped ? "stopped"
            : "running");
        final ManagedParts parts = ManagedParts.live(view, runtime.store(), rt.dispatcher(), runtime.journal(),
            EvaluationCounters.of(rt.interpreter().stats()), System.err::println);
        beans = SxsManagement.register(parts, runtime.metrics(), ManagementFactory.getPlatformMBeanServer(),
            this::runManaged);
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
                System.err.println("sxs: remote JMX at " + remote.serviceUrl());
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new ConfigException("cannot open remote JMX on " + config.jmxHost() + ":" + config.jmxPort() + ": "
                + ex.getMessage());
        }
    }

    /**
     * Run an MBean call on a management thread and wait for it, as long as an evaluation may take.
     * {@code stop} runs on a thread of its own: it stops the management threads, and it must not run
     * Chronicle code (its audit record) on the caller's thread.
     */
    private Object runManaged(final String name, final Callable<Object> call) throws Exception
    {
        if ("stop".equals(name))
        {
            // not on the caller's thread either: stop writes an audit record (Chronicle code), and a
            // Chronicle thread-local left on a host thread (an RMI connection thread) would pin this loader
            final java.util.concurrent.FutureTask<Object> task = new java.util.concurrent.FutureTask<>(call);
            final Thread stopper = new Thread(task, "sxs-stop-call");
            stopper.setDaemon(true);
            stopper.start();
            final Object answer = task.get(DEFAULT_STOP_WAIT_MILLIS + config.budgetMillis() * 2
                + DEFAULT_CALL_GRACE_MILLIS,
                TimeUnit.MILLISECONDS);
            // the answer is ready before the thread has ended: wait for it, so no sxs thread outlives stop
            stopper.join(DEFAULT_STOP_WAIT_MILLIS);
            return answer;
        }
        final long wait = config.budgetMillis() + config.awaitTimeoutMillis() + DEFAULT_CALL_GRACE_MILLIS;
        final Future<Object> result = management.submit(call);
        try
        {
            return result.get(wait, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            result.cancel(true);
            throw new IllegalStateException(name + ": no result within " + wait + " ms");
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
     * Evaluate on a management thread and wait for the printed results. Never throws.
     *
     * @param script the source.
     * @param scope  the scope, null for the default.
     * @return one printed value per top-level form.
     */
    public List<String> evalPrinted(final String script, final String scope)
    {
        if (stopped)
        {
            return List.of(Printer.print(new ErrorValue("sxs is stopped")));
        }
        final long wait = config.budgetMillis() + config.awaitTimeoutMillis() + DEFAULT_CALL_GRACE_MILLIS;
        try
        {
            final Future<List<String>> result = management.submit(() -> Printer.printAll(runtime.eval(script, scope)));
            return result.get(wait, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            return List.of(Printer.print(new ErrorValue("eval: no result within " + wait + " ms")));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return List.of(Printer.print(new ErrorValue("eval: interrupted")));
        }
        catch (final Exception ex)
        {
            return List.of(Printer.print(new ErrorValue("eval: " + (ex.getCause() == null ? ex : ex.getCause()))));
        }
    }

    /**
     * Unload sxs from this JVM. Runs on its own thread {@code sxs-stop} (the management threads it
     * stops may be the caller) and waits for it. Idempotent; never throws.
     *
     * @return {@code stopped}.
     */
    public String stop()
    {
        final Thread stopper = new Thread(() -> unload(true), "sxs-stop");
        stopper.setDaemon(true);
        stopper.start();
        try
        {
            stopper.join(DEFAULT_STOP_WAIT_MILLIS + config.budgetMillis() * 2);
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
            closeManagement();
            if (removeHook)
            {
                try
                {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                }
                catch (final IllegalStateException ignored)
                {
                    // the JVM is shutting down already
                }
            }
            management.shutdown();
            try
            {
                management.awaitTermination(DEFAULT_STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            management.shutdownNow();
            try
            {
                runtime.close();
            }
            catch (final RuntimeException ex)
            {
                System.err.println("sxs: error while closing the runtime: " + ex);
            }
            current = null;
            if (removeHook)
            {
                ChronicleHousekeeping.unload();
                ThreadScrubber.scrub(SxsAgent.class.getClassLoader());
            }
            System.setProperty(SxsBootstrap.STATUS_PROPERTY, "stopped");
            if (removeHook && getClass().getClassLoader() instanceof URLClassLoader loader
                && ThreadScrubber.SXS_LOADER_NAME.equals(loader.getName()))
            {
                try
                {
                    loader.close();
                }
                catch (final IOException ignored)
                {
                    // the jars stay open until the loader is collected
                }
            }
        }
    }

    private void runBoot(final String source)
    {
        final List<Value> results = runtime.eval(source, null);
        for (int i = 0; i < results.size(); i++)
        {
            if (results.get(i).isError())
            {
                System.err.println("sxs: boot script " + config.bootScript() + ", form " + (i + 1) + ": "
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
