package dev.sxs.bench.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What sxs costs a real server ({@link CostServer}: Apache Tomcat and Eclipse Jetty from
 * {@code benchmarks/target/servers}), with the default configuration and an empty store, against the
 * same server without sxs, in alternating starts on the JDK running this harness:
 * <ul>
 *   <li>process CPU time from the start until the server's "started" line;</li>
 *   <li>process CPU time until settled: started, sxs running (both starts are asked the same way,
 *       with {@code jcmd VM.system_properties}), then {@value #SETTLE_SECONDS} s idle;</li>
 *   <li>resident set size (Linux {@code VmRSS}) when settled.</li>
 * </ul>
 * Targets (issue 9): at most 1 s of CPU and 64 MiB of RSS added. Medians are printed.
 */
final class ServerCost
{
    /** Starts per variant (with and without sxs) and server. */
    static final int DEFAULT_RUNS = 5;
    /** Idle time after the server started and sxs runs, before the settled figures, s. */
    static final int SETTLE_SECONDS = 10;
    /** How long one start may take on a loaded machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final double MIB = 1024.0 * 1024.0;

    private final Path agentJar;
    private final Path servers;
    private final Path work;
    private final Path javaHome = Path.of(System.getProperty("java.home"));

    /** One start's figures. */
    private record Sample(double startedSeconds, double cpuStarted, double cpuSettled, double rssMib)
    {
    }

    ServerCost(final Path agentJar, final Path servers, final Path work)
    {
        this.agentJar = agentJar;
        this.servers = servers;
        this.work = work;
    }

    /**
     * Measure every server and print one block per server.
     *
     * @param runs starts per variant and server.
     * @throws Exception when a server fails to start.
     */
    void run(final int runs) throws Exception
    {
        for (final CostServer server : CostServer.values())
        {
            final Path home = server.home(servers);
            final String loadBefore = loadAverage();
            // one untimed start each: file cache, sxs's extracted jars, Tomcat's compiled JSPs of nothing
            measure(server, home, false);
            measure(server, home, true);
            final List<Sample> without = new ArrayList<>();
            final List<Sample> with = new ArrayList<>();
            for (int i = 0; i < runs; i++)
            {
                without.add(measure(server, home, false));
                with.add(measure(server, home, true));
            }
            System.out.printf("%s (%s) on Java %s, median of %d starts each, load average %s before, %s after:%n",
                server.label(), home.getFileName(), Runtime.version(), runs, loadBefore, loadAverage());
            print("  start-up to its started line", "s", without, with, Sample::startedSeconds, Double.NaN);
            print("  CPU until its started line", "s", without, with, Sample::cpuStarted, 1.0);
            print("  CPU until settled (started, sxs running, " + SETTLE_SECONDS + " s idle)", "s", without, with,
                Sample::cpuSettled, 1.0);
            print("  RSS when settled, empty store", "MiB", without, with, Sample::rssMib, 64.0);
        }
    }

    private static void print(final String what, final String unit, final List<Sample> without, final List<Sample> with,
        final ToDoubleFunction<Sample> figure, final double target)
    {
        final double base = median(without, figure);
        final double agent = median(with, figure);
        final String goal = Double.isNaN(target) ? "" : String.format(" (target <= %.0f %s)", target, unit);
        System.out.printf("%s: without sxs %.2f %s, with sxs %.2f %s, added %.2f %s%s; runs without: %s; with: %s%n",
            what, base, unit, agent, unit, agent - base, unit, goal, all(without, figure), all(with, figure));
    }

    private Sample measure(final CostServer server, final Path home, final boolean withAgent) throws Exception
    {
        final Path base = Files.createTempDirectory(work, server.name().toLowerCase());
        final List<String> options = new ArrayList<>();
        if (withAgent)
        {
            options.add("-javaagent:" + agentJar + "=data=" + base.resolve("sxs-data"));
        }
        final Path log = base.resolve("console.log");
        final long start = System.nanoTime();
        final Process process = server.prepare(home, base, javaHome, freePort(), options).directory(base.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try
        {
            awaitLine(process, log, server.startedLine());
            final double cpuStarted = cpuSeconds(process);
            final double startedSeconds = (System.nanoTime() - start) / 1e9;
            awaitStatus(process, withAgent ? "running" : "none");
            TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
            return new Sample(startedSeconds, cpuStarted, cpuSeconds(process), rssBytes(process) / MIB);
        }
        finally
        {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitLine(final Process process, final Path log, final String text) throws Exception
    {
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(text))
        {
            if (!process.isAlive() || System.nanoTime() > deadline)
            {
                throw new IllegalStateException("no '" + text + "' in " + log + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
            }
            TimeUnit.MILLISECONDS.sleep(10); // polling the server's log; 10 ms is the resolution of the started figures
        }
    }

    /**
     * Ask the JVM for {@code sxs.status} with jcmd until it is the expected one ("none" without sxs,
     * asked just the same so both starts pay for the attach).
     */
    private void awaitStatus(final Process process, final String expected) throws Exception
    {
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String status = status(process);
        while (!status.equals(expected))
        {
            if (status.startsWith("failed") || System.nanoTime() > deadline)
            {
                throw new IllegalStateException("sxs is " + status);
            }
            TimeUnit.MILLISECONDS.sleep(200); // polling the server's state
            status = status(process);
        }
    }

    private String status(final Process process) throws Exception
    {
        final Process jcmd = new ProcessBuilder(javaHome.resolve("bin").resolve("jcmd").toString(),
            Long.toString(process.pid()), "VM.system_properties").redirectErrorStream(true).start();
        final String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        for (final String line : out.split("\n"))
        {
            if (line.startsWith("sxs.status="))
            {
                return line.substring("sxs.status=".length()).trim();
            }
        }
        return "none";
    }

    private static double cpuSeconds(final Process process)
    {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9)
            .orElseThrow(() -> new IllegalStateException("this OS does not report process CPU time"));
    }

    private static long rssBytes(final Process process) throws IOException
    {
        final Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        for (final String line : Files.readAllLines(status))
        {
            if (line.startsWith("VmRSS:"))
            {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in " + status + " (resident memory is read on Linux only)");
    }

    private static String loadAverage() throws IOException
    {
        final Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? String.join(" ", List.of(Files.readString(loadavg).trim().split(" "))
            .subList(0, 3)) : "unknown";
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static double median(final List<Sample> samples, final ToDoubleFunction<Sample> figure)
    {
        final List<Double> values = new ArrayList<>();
        samples.forEach(s -> values.add(figure.applyAsDouble(s)));
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static String all(final List<Sample> samples, final ToDoubleFunction<Sample> figure)
    {
        final List<String> values = new ArrayList<>();
        samples.forEach(s -> values.add(String.format("%.2f", figure.applyAsDouble(s))));
        return String.join(" ", values);
    }
}
