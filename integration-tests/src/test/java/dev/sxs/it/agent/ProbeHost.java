package dev.sxs.it.agent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A host application for the agent tests: it knows nothing of sxs and answers one-line questions on
 * stdin about itself, so tests can look inside it while sxs runs there:
 * <ul>
 *   <li>{@code status}: {@code status <value of sxs.status or none>};</li>
 *   <li>{@code threads}: {@code threads <sorted names of threads named sxs-* or Chronicle's defaults>};</li>
 *   <li>{@code contexts}: {@code contexts <names of threads whose context class loader is an sxs loader>};</li>
 *   <li>{@code loaders}: {@code loaders <live instances of the sxs class loader after full GCs>};</li>
 *   <li>{@code visible}: {@code visible <sxs or Chronicle classes the host's class loader can see>};</li>
 *   <li>{@code libs}: {@code libs <jar of Byte Buddy>,<jar of Metrics>,<jar of Chronicle>} after using each;</li>
 *   <li>{@code eval SCRIPT}: {@code eval <result of dev.sxs:type=Runtime eval, lines joined by |>};</li>
 *   <li>{@code target ...}: calls of the probe tests' host methods ({@link ProbeTarget});</li>
 *   <li>{@code twins ...}: one class in two class loaders ({@link TwinLoaders});</li>
 *   <li>{@code footprint}: {@code footprint <loaded classes> <live threads> <metaspace bytes used>} after full GCs
 *       (the JVM's own MXBeans);</li>
 *   <li>{@code stop}: {@code stop <result of dev.sxs:type=Runtime stop>} (in-process, no JMX connector);</li>
 *   <li>{@code properties}: {@code properties <name=value of every system property not named sxs.*, sorted,
 *   joined by |>} (line breaks in values escaped; without {@code user.timezone}, which the JDK itself
 *   fills in the first time any code asks for the default time zone);</li>
 *   <li>{@code exit}: ends the JVM normally (shutdown hooks run).</li>
 * </ul>
 * With {@code -Dhost.startMillis=N} the host first spends N ms starting up, loading classes, before it says it
 * is ready (or until the file {@code -Dhost.startUntil=PATH} exists); with {@code -Dhost.exitHoldMillis=N} its
 * shutdown takes N ms. Only JDK types are used; the libraries of {@code libs} are reached reflectively from the host's class path.
 */
public final class ProbeHost
{
    private static final String LOADER_CLASS = "dev.sxs.bootstrap.SxsClassLoader";
    /** The host's own property: how long its start takes, loading classes as a server's start does, ms. */
    static final String START_MILLIS_PROPERTY = "host.startMillis";
    /** The host's own property: a file whose appearance ends its start early (a start that waits for a resource). */
    static final String START_UNTIL_PROPERTY = "host.startUntil";
    /** The host's own property: how long its shutdown hook takes once it exits, ms (a slow close of its pools). */
    static final String EXIT_HOLD_MILLIS_PROPERTY = "host.exitHoldMillis";

    private ProbeHost()
    {
    }

    /**
     * @param args none.
     * @throws Exception on an I/O failure of stdin.
     */
    public static void main(final String[] args) throws Exception
    {
        final String until = System.getProperty(START_UNTIL_PROPERTY);
        startUp(Long.getLong(START_MILLIS_PROPERTY, 0), until == null ? null : java.nio.file.Path.of(until));
        holdExit(Long.getLong(EXIT_HOLD_MILLIS_PROPERTY, 0));
        System.out.println("host ready " + ProcessHandle.current().pid());
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null)
        {
            final String command = line.trim();
            final String answer;
            try
            {
                answer = command.startsWith("target ") ? ProbeTarget.answer(command)
                    : command.startsWith("twins ") ? TwinLoaders.answer(command)
                    : command.equals("footprint") ? "footprint " + footprint() : answer(command);
            }
            catch (final Throwable t)
            {
                System.out.println("failed " + t);
                continue;
            }
            if (answer == null)
            {
                return;
            }
            System.out.println(answer);
        }
    }

    /** {@code eval SCRIPT}: host code evaluates through the Runtime MBean; lines joined with '|'. */
    private static String eval(final MBeanServer server, final String command) throws Exception
    {
        final Object result = server.invoke(new ObjectName("dev.sxs:type=Runtime"), "eval",
            new Object[] {command.substring(5)}, new String[] {String.class.getName()});
        return "eval " + String.valueOf(result).replace('\n', '|');
    }

    /** {@code publish CHANNEL TOPIC PAYLOAD}: the host's own thread publishes through the Channel MBean. */
    private static String publish(final MBeanServer server, final String command) throws Exception
    {
        final String[] parts = command.split(" ", 4);
        final Object result = server.invoke(new ObjectName("dev.sxs:type=Channel,name=" + parts[1]), "publish",
            new Object[] {Integer.parseInt(parts[2]), parts[3]}, new String[] {"int", String.class.getName()});
        return "publish " + result;
    }

    /** {@code mapped}: store and journal files still memory-mapped (Linux: /proc/self/maps; empty elsewhere). */
    private static String mapped() throws java.io.IOException
    {
        final TreeSet<String> files = new TreeSet<>();
        final java.nio.file.Path maps = java.nio.file.Path.of("/proc/self/maps");
        if (java.nio.file.Files.isReadable(maps))
        {
            for (final String line : java.nio.file.Files.readAllLines(maps))
            {
                if (line.endsWith("store.dat") || line.endsWith(".cq4"))
                {
                    files.add(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return "mapped " + String.join(",", files);
    }

    /** {@code properties}: the host's system properties but sxs's own and the JDK-filled user.timezone. */
    private static String properties()
    {
        final TreeSet<String> entries = new TreeSet<>();
        System.getProperties().forEach((name, value) ->
        {
            if (!name.toString().startsWith("sxs.") && !name.equals("user.timezone"))
            {
                entries.add(name + "=" + String.valueOf(value).replace("\r", "\\r").replace("\n", "\\n"));
            }
        });
        return "properties " + String.join("|", entries);
    }

    private static String answer(final String command) throws Exception
    {
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (command.equals("exit"))
        {
            return null;
        }
        if (command.equals("status"))
        {
            return "status " + System.getProperty("sxs.status", "none");
        }
        if (command.equals("properties"))
        {
            return properties();
        }
        if (command.equals("classpath"))
        {
            return "classpath " + System.getProperty("java.class.path");
        }
        if (command.equals("threads"))
        {
            final TreeSet<String> names = new TreeSet<>();
            for (final Thread t : Thread.getAllStackTraces().keySet())
            {
                if (t.getName().startsWith("sxs-") || t.getName().contains("~")
                    || t.getName().toLowerCase().contains("chronicle"))
                {
                    names.add(t.getName());
                }
            }
            return "threads " + String.join(",", names);
        }
        if (command.equals("mapped"))
        {
            return mapped();
        }
        if (command.equals("contexts"))
        {
            final TreeSet<String> names = new TreeSet<>();
            for (final Thread t : Thread.getAllStackTraces().keySet())
            {
                final ClassLoader ccl = t.getContextClassLoader();
                if (ccl != null && ccl.getClass().getName().equals(LOADER_CLASS))
                {
                    names.add(t.getName());
                }
            }
            return "contexts " + String.join(",", names);
        }
        if (command.equals("loaders"))
        {
            final ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
            String histogram = "";
            for (int i = 0; i < 3; i++)
            {
                System.gc();
                histogram = (String)server.invoke(diagnostics, "gcClassHistogram", new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
            }
            for (final String row : histogram.split("\n"))
            {
                final String[] cols = row.trim().split("\\s+");
                if (cols.length >= 4 && cols[3].equals(LOADER_CLASS))
                {
                    return "loaders " + cols[1];
                }
            }
            return "loaders 0";
        }
        if (command.equals("visible"))
        {
            return "visible " + String.join(",", visibleClasses());
        }
        if (command.equals("libs"))
        {
            return "libs " + HostLibraries.useAll();
        }
        if (command.startsWith("publish "))
        {
            return publish(server, command);
        }
        if (command.startsWith("eval "))
        {
            return eval(server, command);
        }
        if (command.equals("stop"))
        {
            return "stop " + server.invoke(new ObjectName("dev.sxs:type=Runtime"), "stop", new Object[] {"stop"},
                new String[] {String.class.getName()});
        }
        return "unknown " + command;
    }

    /** Loaded classes, live threads and metaspace used, after full GCs (so unloadable classes are gone). */
    /**
     * A server's start, reduced to what the JVM sees of it: a new class loaded every 5 ms (this class again, each
     * time in a fresh loader with no parent) until {@code millis} have passed.
     */
    /** A shutdown hook that spends {@code millis} ms doing nothing, as a host closing its resources slowly. */
    private static void holdExit(final long millis)
    {
        if (millis > 0)
        {
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
            {
                try
                {
                    Thread.sleep(millis); // the host's slow close, not a synchronisation
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "host-slow-close"));
        }
    }

    private static void startUp(final long millis, final java.nio.file.Path until) throws Exception
    {
        final java.net.URL[] classes = {ProbeHost.class.getProtectionDomain().getCodeSource().getLocation()};
        final long end = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        for (int i = 0; System.nanoTime() < end && (until == null || !java.nio.file.Files.exists(until)); i++)
        {
            try (java.net.URLClassLoader loader = new java.net.URLClassLoader("start-" + i, classes, null))
            {
                Class.forName(ProbeHost.class.getName(), false, loader);
            }
            Thread.sleep(5); // the pace of the simulated start, not a synchronisation
        }
    }

    private static String footprint()
    {
        for (int i = 0; i < 3; i++)
        {
            System.gc();
        }
        long metaspace = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (pool.getName().equals("Metaspace"))
            {
                metaspace = pool.getUsage().getUsed();
            }
        }
        return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + " "
            + ManagementFactory.getThreadMXBean().getThreadCount() + " " + metaspace;
    }

    private static List<String> visibleClasses()
    {
        final List<String> visible = new ArrayList<>();
        for (final String name : new String[] {LOADER_CLASS, "dev.sxs.agent.SxsAgent", "dev.sxs.runtime.SxsRuntime",
            "net.openhft.chronicle.map.ChronicleMap", "picocli.CommandLine"})
        {
            try
            {
                Class.forName(name, false, ProbeHost.class.getClassLoader());
                visible.add(name);
            }
            catch (final ClassNotFoundException ignored)
            {
                // invisible, as it should be (except the bootstrap's loader class)
            }
        }
        return visible;
    }
}
