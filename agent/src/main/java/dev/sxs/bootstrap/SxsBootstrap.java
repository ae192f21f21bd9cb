package dev.sxs.bootstrap;

import java.lang.instrument.Instrumentation;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Entry point of {@code sxs-agent.jar} in its three roles: the CLI ({@link #main}), an agent loaded
 * at start-up ({@link #premain}) and an agent attached to a running JVM ({@link #agentmain}).
 * <p>
 * Each call builds a fresh {@link SxsClassLoader} over the extracted nested jars and calls the inner
 * entry point reflectively ({@value #CLI_CLASS}{@code .run(String[])} or
 * {@value #AGENT_CLASS}{@code .start(String, Instrumentation, boolean, BooleanSupplier)}) on a thread whose context
 * class loader is that loader. No field refers to the loader, so after {@code stop} it can be
 * collected and a later attach starts from scratch.
 * <p>
 * Host safety: {@link #premain} returns at once (the work runs on the daemon thread {@code sxs-boot}, which by
 * default first waits for the host's own start to end: {@link HostStartWait});
 * {@link #agentmain} waits for the start to finish so an attaching tool sees the outcome, which is
 * also published in the system property {@value #STATUS_PROPERTY}. Neither throws: every failure is one
 * line on stderr and sxs stays unloaded, the host keeps running.
 */
public final class SxsBootstrap
{
    /** Inner CLI class, loaded by the sxs class loader. */
    public static final String CLI_CLASS = "dev.sxs.cli.SxsCli";
    /** Inner agent class, loaded by the sxs class loader. */
    public static final String AGENT_CLASS = "dev.sxs.agent.AgentMain";
    /**
     * System property of the host JVM telling sxs's state: {@code starting}, {@code running},
     * {@code stopped}, {@value #SHUTDOWN_STATUS} or {@code failed: <reason>}. Readable over the attach API by the CLI.
     */
    public static final String STATUS_PROPERTY = "sxs.status";
    /** The status of an sxs that did not start, or gave up its start, because the host was exiting. */
    public static final String SHUTDOWN_STATUS = "stopped: the host is shutting down";
    /** System property of the CLI's JVM naming the agent jar it runs from (for attach and demo). */
    public static final String AGENT_JAR_PROPERTY = "sxs.agent.jar";
    /**
     * System property holding the agent arguments sxs was last loaded with in this JVM (set once it runs, kept
     * after stop), so {@code sxs attach PID} without settings loads it again as before.
     */
    public static final String SETTINGS_PROPERTY = "sxs.settings";
    /** How long {@link #agentmain} waits for the runtime to start, milliseconds. */
    public static final long DEFAULT_ATTACH_WAIT_MILLIS = 120_000;

    private SxsBootstrap()
    {
    }

    /**
     * The CLI: {@code java -jar sxs-agent.jar COMMAND ...}. Exits with the command's status.
     *
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        int status;
        try
        {
            final ClassLoader loader = load(null);
            Thread.currentThread().setContextClassLoader(loader);
            final Class<?> cli = Class.forName(CLI_CLASS, true, loader);
            status = (Integer)cli.getMethod("run", String[].class).invoke(null, (Object)args);
        }
        catch (final InvocationTargetException ex)
        {
            System.err.println("[sxs] internal error: " + ex.getCause());
            ex.getCause().printStackTrace();
            status = 70;
        }
        catch (final Exception | LinkageError ex)
        {
            System.err.println("[sxs] cannot start: " + ex.getMessage());
            status = 70;
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * Agent loaded with {@code -javaagent:sxs-agent.jar[=key=value,...]}. Returns at once; sxs starts
     * on the daemon thread {@code sxs-boot}.
     *
     * @param args agent arguments, may be null.
     * @param inst the instrumentation.
     */
    public static void premain(final String args, final Instrumentation inst)
    {
        startAgent(args, inst, true);
    }

    /**
     * Agent attached to a running JVM. Waits until sxs has started (or failed) so the attaching tool
     * can report it.
     *
     * @param args agent arguments, may be null.
     * @param inst the instrumentation.
     */
    public static void agentmain(final String args, final Instrumentation inst)
    {
        startAgent(args, inst, false);
    }

    private static void startAgent(final String args, final Instrumentation inst, final boolean premain)
    {
        try
        {
            synchronized (SxsBootstrap.class)
            {
                final String status = System.getProperty(STATUS_PROPERTY, "");
                if (status.equals("running") || status.equals("starting"))
                {
                    System.err.println("[sxs] already " + status + " in this JVM; not started again");
                    return;
                }
                final String refusal = missingModules();
                if (refusal != null)
                {
                    fail(refusal);
                    return;
                }
                System.setProperty(STATUS_PROPERTY, "starting");
            }
            final Thread boot = new Thread(() -> boot(args, inst, premain), "sxs-boot");
            boot.setDaemon(true);
            boot.start();
            if (!premain)
            {
                boot.join(DEFAULT_ATTACH_WAIT_MILLIS);
            }
        }
        catch (final Throwable t)
        {
            fail("could not start: " + t);
        }
    }

    private static void boot(final String args, final Instrumentation inst, final boolean premain)
    {
        try
        {
            final HostStartWait hostStart = premain ? HostStartWait.of(args, System.getProperties()) : null;
            if (hostStart != null)
            {
                hostStart.await();
                if (HostShutdown.inProgress())
                {
                    // the host exited during the wait: nothing to start, nothing to say
                    System.setProperty(STATUS_PROPERTY, SHUTDOWN_STATUS);
                    return;
                }
            }
            final ClassLoader loader = load(inst);
            Thread.currentThread().setContextClassLoader(loader);
            final Class<?> agent = Class.forName(AGENT_CLASS, true, loader);
            final BooleanSupplier hostShuttingDown = HostShutdown::inProgress;
            agent.getMethod("start", String.class, Instrumentation.class, boolean.class, BooleanSupplier.class)
                .invoke(null, args, inst, premain, hostShuttingDown);
        }
        catch (final InvocationTargetException ex)
        {
            fail("could not start: " + ex.getCause());
        }
        catch (final Throwable t)
        {
            fail("could not start: " + t);
        }
        finally
        {
            Thread.currentThread().setContextClassLoader(null);
        }
    }

    private static void fail(final String reason)
    {
        if (HostShutdown.inProgress())
        {
            // a start cut short by the host's own exit is no failure to report in the host's log
            System.setProperty(STATUS_PROPERTY, SHUTDOWN_STATUS);
            return;
        }
        final String line = reason.replace('\n', ' ');
        System.setProperty(STATUS_PROPERTY, "failed: " + line);
        System.err.println("[sxs] " + line + "; sxs is not running, the application continues");
    }

    /**
     * @return why this Java cannot run sxs, or null when it can.
     */
    static String missingModules()
    {
        if (ModuleLayer.boot().findModule("jdk.compiler").isPresent())
        {
            return null;
        }
        final String home = System.getProperty("java.home");
        if (ModuleFinder.ofSystem().find("jdk.compiler").isPresent())
        {
            return "the module jdk.compiler is not resolved in this JVM (Chronicle Map compiles code at run time); "
                + "add --add-modules jdk.compiler to the java command";
        }
        return "this Java (" + home + ") is a runtime without the jdk.compiler module, which Chronicle Map needs "
            + "to compile code at run time; run the application on a full JDK";
    }

    /**
     * Extract the nested jars and build the sxs class loader.
     *
     * @param inst the instrumentation in agent mode (opens JDK internals to the loader; parent = platform
     *             class loader), null for the CLI (parent = system class loader, which holds only this
     *             bootstrap and defines {@code jdk.attach}).
     * @return a new loader; the caller owns it.
     * @throws Exception when the agent jar cannot be read or the cache cannot be written.
     */
    static ClassLoader load(final Instrumentation inst) throws Exception
    {
        final Path jarPath = Path.of(SxsBootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jarPath.toString().endsWith(".jar"))
        {
            throw new IllegalStateException("sxs must run from sxs-agent.jar, not from " + jarPath);
        }
        try (JarFile jar = new JarFile(jarPath.toFile()))
        {
            final NestedJars nested = NestedJars.of(jar);
            if (nested.count() == 0)
            {
                throw new IllegalStateException(jarPath + " has no nested jars under " + NestedJars.PREFIX
                    + " (rebuild it)");
            }
            final List<Path> files = nested.extract(jar);
            final SxsClassLoader loader = new SxsClassLoader(NestedJars.files(files),
                inst == null ? ClassLoader.getSystemClassLoader() : ClassLoader.getPlatformClassLoader());
            final Manifest manifest = jar.getManifest();
            if (inst != null && manifest != null)
            {
                ModuleOpener.open(inst, manifest, loader);
            }
            if (inst == null)
            {
                System.setProperty(AGENT_JAR_PROPERTY, jarPath.toString());
            }
            return loader;
        }
    }
}
