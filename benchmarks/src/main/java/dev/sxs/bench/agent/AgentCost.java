package dev.sxs.bench.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures what sxs costs a host, against the same host without sxs in the same run:
 * <ol>
 *   <li>start-up: wall time from starting the JVM to its first line of output, with and without
 *       {@code -javaagent:sxs-agent.jar} (alternating runs; medians);</li>
 *   <li>idle CPU: process CPU time over an idle window after sxs has started and settled, default
 *       configuration (idle strategy {@code backoff}), as a percentage of one core;</li>
 *   <li>heap: heap used after full GCs with sxs running and an empty store, minus the same without sxs.</li>
 * </ol>
 * Targets (issue 4): under 300 ms start-up, under 1% of one core idle, under 32 MB heap. Then the same
 * for real servers, Apache Tomcat and Eclipse Jetty ({@link ServerCost}: CPU until started and RSS;
 * targets of issue 9: at most 1 s and 64 MiB added).
 * <p>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.sxs.bench.agent.AgentCost
 * agent/target/sxs-agent.jar [--runs N] [--idle-seconds S] [--server-runs N] [--servers DIR]} (or
 * {@code bin/sxs bench agent-cost ...}). {@code --server-runs 0} skips the servers, {@code --runs 0
 * --idle-seconds 0} the tiny host; {@code --servers}
 * defaults to the {@code servers} folder beside {@code benchmarks.jar}, where the build unpacks them.
 */
public final class AgentCost
{
    /** Start-up runs per variant. */
    public static final int DEFAULT_RUNS = 10;
    /** Idle window, seconds. */
    public static final int DEFAULT_IDLE_SECONDS = 30;
    /** Wait after sxs started before measuring idle CPU and heap, seconds. */
    public static final int DEFAULT_SETTLE_SECONDS = 5;

    private final Path agentJar;
    private final Path hostClasses;
    private final Path work;

    private AgentCost(final Path agentJar, final Path hostClasses, final Path work)
    {
        this.agentJar = agentJar;
        this.hostClasses = hostClasses;
        this.work = work;
    }

    /**
     * @param args {@code AGENT_JAR [--runs N] [--idle-seconds S] [--server-runs N] [--servers DIR]}.
     * @throws Exception when a host fails.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length < 1)
        {
            System.err.println(
                "usage: AgentCost AGENT_JAR [--runs N] [--idle-seconds S] [--server-runs N] [--servers DIR]");
            System.exit(2);
        }
        int runs = DEFAULT_RUNS;
        int idle = DEFAULT_IDLE_SECONDS;
        int serverRuns = ServerCost.DEFAULT_RUNS;
        Path servers = Path.of(AgentCost.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolveSibling("servers");
        for (int i = 1; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--idle-seconds" -> idle = Integer.parseInt(args[i + 1]);
                case "--server-runs" -> serverRuns = Integer.parseInt(args[i + 1]);
                case "--servers" -> servers = Path.of(args[i + 1]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final Path work = Files.createTempDirectory("sxs-agent-cost");
        final AgentCost cost = new AgentCost(Path.of(args[0]).toAbsolutePath(), hostClasses(work), work);
        System.out.println("Agent cost to the host: Java " + Runtime.version() + ", " + Runtime.getRuntime()
            .availableProcessors() + " CPUs");
        try
        {
            if (runs > 0)
            {
                cost.startup(runs);
            }
            if (idle > 0)
            {
                cost.idleAndHeap(idle);
            }
            if (serverRuns > 0)
            {
                new ServerCost(cost.agentJar, servers, work).run(serverRuns);
            }
        }
        finally
        {
            try (java.util.stream.Stream<Path> walk = Files.walk(work))
            {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void startup(final int runs) throws Exception
    {
        // one untimed run each to warm the file cache and extract the nested jars
        firstLine(false);
        firstLine(true);
        final List<Long> without = new ArrayList<>();
        final List<Long> with = new ArrayList<>();
        for (int i = 0; i < runs; i++)
        {
            without.add(firstLine(false));
            with.add(firstLine(true));
        }
        final long base = median(without);
        final long agent = median(with);
        System.out.printf("start-up to first host line (median of %d): without sxs %d ms, with -javaagent %d ms, added "
            + "%d ms (target < 300 ms)%n",
            runs, base, agent, agent - base);
    }

    private void idleAndHeap(final int idleSeconds) throws Exception
    {
        final double[] baseline = idle(false, idleSeconds);
        final double[] agent = idle(true, idleSeconds);
        System.out.printf("idle CPU over %d s (default idle strategy): without sxs %.3f%% of one core, with sxs "
            + "%.3f%%, added %.3f%% (target < 1%%)%n",
            idleSeconds, baseline[0], agent[0], agent[0] - baseline[0]);
        System.out.printf("heap used after GC, empty store: without sxs %.1f MB, with sxs %.1f MB, added %.1f MB "
            + "(target < 32 MB)%n",
            baseline[1] / 1e6, agent[1] / 1e6, (agent[1] - baseline[1]) / 1e6);
    }

    /**
     * @return {CPU % of one core over the window, heap bytes used after GC}.
     */
    private double[] idle(final boolean withAgent, final int idleSeconds) throws Exception
    {
        final Process host = start(withAgent);
        try
        {
            final BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                StandardCharsets.UTF_8));
            final PrintWriter in = new PrintWriter(new OutputStreamWriter(host.getOutputStream(),
                StandardCharsets.UTF_8), true);
            out.readLine();
            if (withAgent)
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                String status = "";
                while (!status.equals("running") && System.nanoTime() < deadline)
                {
                    TimeUnit.MILLISECONDS.sleep(200);
                    in.println("status");
                    status = out.readLine();
                    if (status.startsWith("failed"))
                    {
                        throw new IllegalStateException("sxs did not start: " + status);
                    }
                }
            }
            TimeUnit.SECONDS.sleep(DEFAULT_SETTLE_SECONDS);
            in.println("heap");
            final double heap = Double.parseDouble(out.readLine());
            TimeUnit.SECONDS.sleep(1);
            final long cpu0 = cpuNanos(host);
            final long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(idleSeconds);
            final long cpu1 = cpuNanos(host);
            final long t1 = System.nanoTime();
            in.println("exit");
            host.waitFor(30, TimeUnit.SECONDS);
            return new double[] {100.0 * (cpu1 - cpu0) / (t1 - t0), heap};
        }
        finally
        {
            host.destroyForcibly();
        }
    }

    private long firstLine(final boolean withAgent) throws Exception
    {
        final long start = System.nanoTime();
        final Process host = start(withAgent);
        try
        {
            final BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                StandardCharsets.UTF_8));
            final String line = out.readLine();
            final long elapsed = System.nanoTime() - start;
            if (!"host up".equals(line))
            {
                throw new IllegalStateException("host said " + line);
            }
            host.getOutputStream().close();
            host.waitFor(60, TimeUnit.SECONDS);
            return TimeUnit.NANOSECONDS.toMillis(elapsed);
        }
        finally
        {
            host.destroyForcibly();
        }
    }

    private Process start(final boolean withAgent) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (withAgent)
        {
            final Path data = Files.createTempDirectory(work, "data");
            command.add("-javaagent:" + agentJar + "=data=" + data);
        }
        command.add("-cp");
        command.add(hostClasses.toString());
        command.add(CostHost.class.getName());
        return new ProcessBuilder(command).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    }

    private static long cpuNanos(final Process p)
    {
        return p.toHandle().info().totalCpuDuration().map(Duration::toNanos)
            .orElseThrow(() -> new IllegalStateException("this OS does not report process CPU time"));
    }

    private static long median(final List<Long> values)
    {
        final List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The host runs from a folder holding only {@link CostHost}, so its class path is as small as a
     * real host's own.
     */
    private static Path hostClasses(final Path work) throws IOException
    {
        final Path dir = work.resolve("host-classes");
        final Path file = dir.resolve(CostHost.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        try (InputStream in = CostHost.class.getResourceAsStream(CostHost.class.getSimpleName() + ".class"))
        {
            Files.copy(in, file);
        }
        return dir;
    }
}
