package dev.sxs.agent;

import java.lang.reflect.Field;

import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.core.shutdown.PriorityHook;
import net.openhft.chronicle.threads.DiskSpaceMonitor;

/**
 * What sxs's copy of Chronicle leaves in the JVM outside its objects, and its removal so {@code stop}
 * unloads completely: the daemon thread {@code background~resource~releaser} (renamed
 * {@value #RELEASER_THREAD_NAME} while sxs runs, stopped on unload), Chronicle Queue's
 * {@code disk~space~checker} thread (renamed {@code sxs-...}, closed on unload) and the JVM shutdown hook of
 * Chronicle's {@link PriorityHook} (removed on unload; sxs's own hook closes the files instead).
 * <p>
 * These are static parts of the Chronicle classes of the sxs class loader only; a host's own copy of
 * Chronicle is untouched, and nothing is done when Chronicle was not loaded by the sxs class loader. Threading: call
 * from the starting or the stopping thread. Failure: best
 * effort, never throws.
 */
final class ChronicleHousekeeping
{
    /** Name given to Chronicle's resource releaser thread while sxs runs. */
    static final String RELEASER_THREAD_NAME = "sxs-chronicle-releaser";
    /** How long unload waits for the releaser thread to end, ms. */
    static final long DEFAULT_JOIN_MILLIS = 5_000;
    /** Chronicle Core's holder of the unmap method handle, initialized on first use. */
    static final String UNMAPPER_CLASS = "net.openhft.chronicle.core.OS$Unmapp0Holder";

    private ChronicleHousekeeping()
    {
    }

    /**
     * Give the background threads of sxs's Chronicle (named with {@code ~}, started under the sxs class
     * loader) an {@code sxs-} name.
     */
    static void nameThreads()
    {
        if (!ownsChronicle())
        {
            return;
        }
        final Thread releaser = releaser();
        if (releaser != null)
        {
            releaser.setName(RELEASER_THREAD_NAME);
        }
        initializeUnmapper();
        final ClassLoader loader = BackgroundResourceReleaser.class.getClassLoader();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getContextClassLoader() == loader && t.getName().contains("~") && !t.getName().startsWith("sxs-"))
            {
                // a Chronicle thread (named with '~') started by sxs, e.g. Chronicle Queue's "disk~space~checker";
                // JDK threads that merely inherited the loader (the process reaper) keep their names
                t.setName("sxs-" + t.getName().replace('~', '-').replace('/', '-'));
            }
        }
    }

    /**
     * Initialize Chronicle's unmapping helper now, at start, on an sxs thread that nobody interrupts.
     * Left to the first unmap, it was initialized while stopping, where it was seen to fail on JDK 25
     * ({@code ExceptionInInitializerError}) now and then, which leaves every later unmap failing and the
     * store and journal files mapped after {@code stop}.
     */
    private static void initializeUnmapper()
    {
        try
        {
            Class.forName(UNMAPPER_CLASS, true, BackgroundResourceReleaser.class.getClassLoader());
        }
        catch (final ClassNotFoundException ignored)
        {
            // another Chronicle version: nothing to prepare
        }
        catch (final LinkageError ex)
        {
            final Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            System.err.println("[sxs] Chronicle cannot unmap files (" + cause
                + "); mapped files stay mapped after stop");
        }
    }

    /**
     * Release Chronicle's pending resources, end its releaser thread and remove its shutdown hook.
     * Call after every Chronicle object was closed.
     */
    static void unload()
    {
        if (!ownsChronicle())
        {
            return;
        }
        stopDiskSpaceMonitor();
        try
        {
            final Thread releaser = releaser();
            BackgroundResourceReleaser.stop();
            if (releaser != null)
            {
                releaser.join(DEFAULT_JOIN_MILLIS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final RuntimeException | LinkageError ignored)
        {
            // best effort
        }
        try
        {
            final PriorityHook hook = PriorityHook.getRegisteredHook();
            if (hook != null)
            {
                final Field thread = PriorityHook.class.getDeclaredField("shutdownThread");
                thread.setAccessible(true);
                final Object t = thread.get(hook);
                if (t instanceof Thread shutdownThread)
                {
                    Runtime.getRuntime().removeShutdownHook(shutdownThread);
                }
            }
            PriorityHook.clear();
        }
        catch (final ReflectiveOperationException | RuntimeException | LinkageError ignored)
        {
            // best effort: the JVM may be shutting down
        }
    }

    /**
     * Chronicle Queue's disk space monitor runs a scheduled thread once a queue was opened; close it
     * when (and only when) that thread exists, since touching the monitor otherwise would start it.
     */
    private static void stopDiskSpaceMonitor()
    {
        final ClassLoader loader = BackgroundResourceReleaser.class.getClassLoader();
        final List<Thread> monitors = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getContextClassLoader() == loader && t.getName().replace('~', '-').contains("disk-space-checker"))
            {
                monitors.add(t);
            }
        }
        if (monitors.isEmpty())
        {
            return;
        }
        try
        {
            DiskSpaceMonitor.INSTANCE.close();
            for (final Thread t : monitors)
            {
                t.join(DEFAULT_JOIN_MILLIS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final RuntimeException | LinkageError ignored)
        {
            // best effort
        }
    }

    /**
     * @return true when Chronicle was loaded by the sxs class loader (agent and CLI), so its static
     *         parts are sxs's alone; false when sxs is embedded or tested and shares Chronicle.
     */
    private static boolean ownsChronicle()
    {
        final ClassLoader loader = BackgroundResourceReleaser.class.getClassLoader();
        return loader != null && ThreadScrubber.SXS_LOADER_NAME.equals(loader.getName());
    }

    private static Thread releaser()
    {
        try
        {
            final Field field = BackgroundResourceReleaser.class.getDeclaredField("RELEASER");
            field.setAccessible(true);
            return field.get(null) instanceof Thread t ? t : null;
        }
        catch (final ReflectiveOperationException | RuntimeException | LinkageError ex)
        {
            return null;
        }
    }
}
