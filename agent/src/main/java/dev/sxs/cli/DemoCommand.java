package dev.sxs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sxs demo}: starts the demo order service ({@code demo/target/sxs-demo.jar}, no sxs code in it)
 * as a separate JVM with the agent loaded ({@code -javaagent}) and the boot script
 * {@code examples/demo-boot.sxs} (which probes the service's methods), waits until the probe events arrive as
 * counters in the store, tells the
 * user what to run next, and prints the counters every few seconds until Ctrl-C or {@code --duration}.
 */
@Command(name = "demo", description = {
    "Start the demo order service with sxs loaded (-javaagent), probe its methods and show the calls becoming "
        + "counters.",
    "Prints what to try next, then the counters every 5 s until Ctrl-C (or --duration)."})
final class DemoCommand implements Callable<Integer>
{
    /** How long to wait for the first counted order, ms. */
    static final long DEFAULT_START_TIMEOUT_MILLIS = 90_000;
    /** Seconds between counter lines. */
    static final long DEFAULT_REPORT_SECONDS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", paramLabel = "SECONDS",
        description = "stop after this many seconds (default: run until Ctrl-C)")
    long durationSeconds;

    @Option(names = "--rate", paramLabel = "N", description = "orders per second (default: ${DEFAULT-VALUE})")
    int rate = 20;

    @Option(names = "--data", paramLabel = "DIR",
        description = "data folder of the demo's sxs, kept afterwards (default: a temporary folder, removed at the "
            + "end)")
    Path data;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final Path agentJar = Results.agentJar().toPath().toAbsolutePath();
        final Path repo = agentJar.getParent().getParent().getParent();
        final Path demoJar = require(repo.resolve("demo").resolve("target").resolve("sxs-demo.jar"));
        final Path boot = require(repo.resolve("examples").resolve("demo-boot.sxs"));
        final Path work = Files.createTempDirectory("sxs-demo-");
        final Path dataDir = data != null ? data.toAbsolutePath() : work.resolve("data");
        final Path log = work.resolve("service.log");

        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(quietFlags());
        command.add("-javaagent:" + agentJar + "=data=" + dataDir + ",boot=" + boot);
        command.add("-jar");
        command.add(demoJar.toString());
        command.add("--rate");
        command.add(Integer.toString(rate));
        final Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
            .start();
        // Ctrl-C: the JVM halts once its hooks are done, so the hook also removes the temporary folder
        final Thread killer = new Thread(() ->
        {
            stop(service);
            if (data == null)
            {
                deleteTree(work);
            }
        }, "sxs-demo-stop");
        Runtime.getRuntime().addShutdownHook(killer);
        out.println("sxs demo: order service started, pid " + service.pid() + ", with -javaagent:"
            + agentJar.getFileName()
            + " and boot script " + repo.relativize(boot));
        out.println("sxs demo: its output goes to " + log + "; sxs data in " + dataDir);
        out.flush();
        try
        {
            final String pid = Long.toString(service.pid());
            final long firstOrders = awaitOrders(service, pid, log);
            out.println("sxs demo: events are flowing: " + firstOrders + " orders counted so far by the boot script.");
            out.println();
            out.println("Try, in another terminal (bin/sxs = java -jar " + agentJar + "):");
            out.println("  bin/sxs eval " + pid + " '(core/kv/get orders:count)'");
            out.println("  bin/sxs eval " + pid
                + " '(core/kv/iterate \"\" 0 100 { (core/util/log $key (core/kv/get $key)) })'   (lines go to the "
                    + "service's log)");
            out.println("  bin/sxs repl " + pid);
            out.println("  bin/sxs status " + pid);
            out.println("  jconsole " + pid
                + "     (MBeans tab: dev.sxs > Runtime > eval, Channel > A > publish, Store)");
            out.println();
            out.println(durationSeconds > 0 ? "Running for " + durationSeconds + " s." : "Press Ctrl-C to stop.");
            out.flush();
            report(service, pid, out);
        }
        finally
        {
            stop(service);
            try
            {
                Runtime.getRuntime().removeShutdownHook(killer);
            }
            catch (final IllegalStateException ignored)
            {
                // shutting down already: the hook stops the service
            }
        }
        out.println("sxs demo: order service stopped.");
        if (data == null)
        {
            deleteTree(work);
        }
        else
        {
            out.println("sxs demo: the service's log is in " + log);
        }
        return SxsCli.EXIT_OK;
    }

    private long awaitOrders(final Process service, final String pid, final Path log) throws InterruptedException
    {
        final long wait = durationSeconds > 0 ? Math.min(DEFAULT_START_TIMEOUT_MILLIS, durationSeconds * 1000 + 30_000)
            : DEFAULT_START_TIMEOUT_MILLIS;
        final long deadline = System.currentTimeMillis() + wait;
        while (System.currentTimeMillis() < deadline)
        {
            if (!service.isAlive())
            {
                throw new CliException(SxsCli.EXIT_UNREACHABLE, "the order service exited with status "
                    + service.exitValue() + ":\n" + tail(log));
            }
            final String status = TargetJvm.of(pid).sxsStatus();
            if (status.startsWith("failed"))
            {
                throw new CliException(SxsCli.EXIT_UNREACHABLE, "sxs did not start in the order service: " + status);
            }
            if (status.equals("running"))
            {
                final long orders = counter(pid, "orders:count");
                if (orders > 0)
                {
                    return orders;
                }
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new CliException(SxsCli.EXIT_UNREACHABLE, "no order was counted within " + wait / 1000
            + " s; service log:\n" + tail(log));
    }

    private void report(final Process service, final String pid, final PrintWriter out) throws InterruptedException
    {
        final long end = durationSeconds > 0 ? System.currentTimeMillis() + durationSeconds * 1000 : Long.MAX_VALUE;
        while (service.isAlive() && System.currentTimeMillis() < end)
        {
            service.waitFor(Math.min(DEFAULT_REPORT_SECONDS * 1000, Math.max(1, end - System.currentTimeMillis())),
                TimeUnit.MILLISECONDS);
            if (!service.isAlive())
            {
                break;
            }
            try (RuntimeClient client = RuntimeClient.connect(pid, null, null, false))
            {
                final List<String> v = client.eval(
                    "(core/kv/get orders:count) (core/kv/get orders:cancelled) (core/kv/get revenue:cents)", null);
                out.printf("orders: %s  cancelled: %s  revenue (cents): %s%n", v.get(0), v.size() > 1 ? v.get(1) : "?",
                    v.size() > 2 ? v.get(2) : "?");
                out.flush();
            }
            catch (final CliException ex)
            {
                out.println("sxs demo: " + ex.getMessage());
            }
        }
    }

    private static long counter(final String pid, final String key)
    {
        try (RuntimeClient client = RuntimeClient.connect(pid, null, null, false))
        {
            final List<String> v = client.eval("(core/kv/get " + key + ")", null);
            return v.size() == 1 && v.get(0).matches("\\d+") ? Long.parseLong(v.get(0)) : 0;
        }
        catch (final CliException ex)
        {
            return 0;
        }
    }

    private static void stop(final Process service)
    {
        if (service.isAlive())
        {
            service.destroy();
            try
            {
                if (!service.waitFor(20, TimeUnit.SECONDS))
                {
                    service.destroyForcibly();
                }
            }
            catch (final InterruptedException ex)
            {
                service.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @return JVM flags that keep a JDK 23+ child quiet about {@code sun.misc.Unsafe} (Chronicle uses it);
     *         none on older JDKs.
     */
    static List<String> quietFlags()
    {
        final List<String> flags = new ArrayList<>();
        final int feature = Runtime.version().feature();
        if (feature >= 23)
        {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    private static void deleteTree(final Path dir)
    {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir))
        {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ignored)
        {
            // a temporary folder left behind is harmless
        }
    }

    private static Path require(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new CliException(SxsCli.EXIT_USAGE, "missing " + file
                + " (build it with ./mvnw -B -DskipTests package, or run bin/sxs demo)");
        }
        return file;
    }

    private static String tail(final Path log)
    {
        try
        {
            final List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        catch (final IOException ex)
        {
            return "(no log: " + ex.getMessage() + ")";
        }
    }
}
