package dev.sxs.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code sxs bench [PATTERN] [JMH options]}: runs the JMH suites of {@code benchmarks/target/benchmarks.jar}
 * (built by {@code ./mvnw -B verify} or {@code package}) in a child JVM and passes its exit status on;
 * {@code sxs bench agent-cost} runs the agent cost harness of that jar against this agent jar; {@code sxs bench
 * peers} runs the peer store benchmark ({@code PeerStoreBenchmark}: sxs against RocksDB, LMDB, MapDB, MVStore);
 * {@code sxs bench events} the event peers ({@code EventPeersBenchmark}: sxs against the Disruptor, Chronicle Queue).
 */
@Command(name = "bench", description = {
    "Run the JMH benchmarks (benchmarks/target/benchmarks.jar) matching PATTERN; extra arguments go to JMH.",
    "sxs bench agent-cost [--runs N] [--idle-seconds S] [--server-runs N] [--servers DIR] measures what sxs costs"
        + " a host",
    "(start-up, idle CPU, heap) and real Tomcat and Jetty servers (CPU until started, RSS).",
    "sxs bench peers [JMH options] runs the store against RocksDB, LMDB, MapDB and H2 MVStore (PeerStoreBenchmark).",
    "sxs bench events [JMH options] runs events against the Disruptor and Chronicle Queue (EventPeersBenchmark).",
    "Build them first with ./mvnw -B -DskipTests package."})
final class BenchCommand implements Callable<Integer>
{
    /** Pattern that runs the agent cost harness instead of JMH. */
    static final String AGENT_COST = "agent-cost";
    /** The agent cost harness. */
    static final String AGENT_COST_CLASS = "dev.sxs.bench.agent.AgentCost";
    /** Pattern that runs the peer store benchmark. */
    static final String PEERS = "peers";
    /** The JMH benchmark {@link #PEERS} runs. */
    static final String PEERS_BENCHMARK = "PeerStoreBenchmark";
    /** Pattern that runs the event peers benchmark. */
    static final String EVENTS = "events";
    /** The JMH benchmark {@link #EVENTS} runs. */
    static final String EVENTS_BENCHMARK = "EventPeersBenchmark";

    @Parameters(arity = "0..1", paramLabel = "PATTERN",
        description = "regular expression of benchmark names (default: all)")
    String pattern;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception
    {
        final Path jar = benchmarksJar();
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (AGENT_COST.equals(pattern))
        {
            command.add("-cp");
            command.add(jar.toString());
            command.add(AGENT_COST_CLASS);
            command.add(Results.agentJar().getAbsolutePath());
        }
        else
        {
            command.add("-jar");
            command.add(jar.toString());
            if (pattern != null)
            {
                command.add(jmhPattern(pattern));
            }
        }
        command.addAll(jmhArgs);
        final Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor();
    }

    /**
     * @param pattern the PATTERN argument.
     * @return the JMH pattern it stands for: a named suite's benchmark ({@value #PEERS}, {@value #EVENTS}), or
     *     the pattern itself.
     */
    static String jmhPattern(final String pattern)
    {
        switch (pattern)
        {
            case PEERS:
                return PEERS_BENCHMARK;
            case EVENTS:
                return EVENTS_BENCHMARK;
            default:
                return pattern;
        }
    }

    private static Path benchmarksJar()
    {
        final String agentJar = System.getProperty("sxs.agent.jar");
        final List<Path> candidates = new ArrayList<>();
        if (agentJar != null)
        {
            // <repo>/agent/target/sxs-agent.jar -> <repo>/benchmarks/target/benchmarks.jar
            final Path repo = Path.of(agentJar).toAbsolutePath().getParent().getParent().getParent();
            candidates.add(repo.resolve("benchmarks").resolve("target").resolve("benchmarks.jar"));
        }
        candidates.add(Path.of("benchmarks", "target", "benchmarks.jar"));
        for (final Path c : candidates)
        {
            if (Files.isRegularFile(c))
            {
                return c;
            }
        }
        throw new CliException(SxsCli.EXIT_USAGE, "no benchmarks jar (looked for " + candidates.get(0).toString()
            .replace(File.separatorChar, '/')
            + "); build it with ./mvnw -B -DskipTests package");
    }
}
