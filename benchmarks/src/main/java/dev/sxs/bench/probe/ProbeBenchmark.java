package dev.sxs.bench.probe;

import com.sun.management.OperatingSystemMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;

/**
 * A probed host method call against the same call never probed, in one run: the benchmark's own JVM attaches
 * the real agent ({@code sxs-agent.jar}, named by the system property {@value #AGENT_JAR_PROPERTY}, default
 * {@code agent/target/sxs-agent.jar}) with a data folder under {@code target/}, subscribes a handler on A 1
 * ({@code (core/kv/incr calls)}) and probes {@link Targets.Probed#place} with {@code cap=0} (every call is
 * published, none held by a cap) on A 1; {@link Targets.Off#place} is probed and unprobed before measuring.
 * {@code journal} switches the journal (every accepted event appended, by the dispatch thread). Per call:
 * <ul>
 *   <li>{@code neverProbed}: the baseline;</li>
 *   <li>{@code probed}: the probed method (the channel's room, the payload, the offer to the channel);</li>
 *   <li>{@code afterOff}: the method probed and then unprobed (target: within 5% of the baseline);</li>
 *   <li>{@code pacedNeverProbed}, {@code pacedProbed}: each call after {@code paceTokens} of CPU work, so that
 *   with {@code handler=noop} the probed calls are published rather than dropped: their difference is the host
 *   thread's cost of a published event.</li>
 * </ul>
 * At the end of each trial it prints the probes' counters ({@code core/probe/list}): a call whose event the
 * full channel refused is counted as dropped (its payload not built, not journaled). Run:
 * {@code java -Dbench.agentJar=agent/target/sxs-agent.jar -jar benchmarks/target/benchmarks.jar Probe}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Djdk.attach.allowAttachSelf=true", "-XX:+IgnoreUnrecognizedVMOptions",
    "-XX:+EnableDynamicAgentLoading"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ProbeBenchmark
{
    /** System property naming the agent jar. */
    public static final String AGENT_JAR_PROPERTY = "bench.agentJar";

    private static final String PROBED = Targets.Probed.class.getName();
    private static final String OFF = Targets.Off.class.getName();

    /** Whether the journal is on. */
    @Param({"false", "true"})
    public boolean journal;

    /**
     * The handler's body: {@code kv} counts in the store ({@code (core/kv/incr calls)}, slower than the loop
     * calls, so most calls find the channel full); {@code noop} returns at once ({@code 1}), so the dispatch
     * thread keeps up better and more calls take the whole way (payload, offer, journal). {@code -p handler=noop}.
     */
    @Param({"kv"})
    public String handler;

    /**
     * CPU work ({@link Blackhole#consumeCPU} tokens) before each call of the {@code paced} benchmarks: spaces the
     * calls so that the dispatch thread keeps up with a {@code noop} handler and the probed calls are published,
     * not dropped (the probe's counters at the end of the trial say how many were).
     */
    @Param({"400"})
    public int paceTokens;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
    private long pacedCalls;
    private long cpuAtStart;
    private long processCpuAtStart;
    private String item = "book";
    private int qty = 3;

    /**
     * Attach the agent to this JVM, subscribe the handler, probe.
     *
     * @throws Exception when the agent does not start or a script fails.
     */
    @Setup(Level.Trial)
    public void attach() throws Exception
    {
        Files.createDirectories(Path.of("target"));
        final Path data = Files.createTempDirectory(Path.of("target"), "probe-bench");
        final VirtualMachine self = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try
        {
            self.loadAgent(Path.of(System.getProperty(AGENT_JAR_PROPERTY, "agent/target/sxs-agent.jar"))
                .toAbsolutePath().toString(), "data=" + data + ",journal.enabled=" + journal + ",events.workers=1");
        }
        finally
        {
            self.detach();
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"running".equals(System.getProperty("sxs.status")) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(50); // sxs starts on its own thread; nothing to wait on from here
        }
        // load the classes before probing, as in a running host
        Targets.Never.place(item, qty);
        Targets.Probed.place(item, qty);
        Targets.Off.place(item, qty);
        require("true", "(core/event/sub A 1 {" + ("noop".equals(handler) ? "1" : "(core/kv/incr calls)") + "})");
        require("1", "(core/probe/on " + PROBED + " place A 1 \"cap=0\")");
        require("1", "(core/probe/on " + OFF + " place A 1 \"cap=0\")");
        require("1", "(core/probe/off " + OFF + " place)");
    }

    /**
     * Print the probe's counters and stop sxs.
     *
     * @throws Exception when sxs cannot be reached.
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception
    {
        System.out.println("journal=" + journal + " handler=" + handler + " probes: " + eval("(core/probe/list)"));
        System.out.println("stop: " + server().invoke(new ObjectName("dev.sxs:type=Runtime"), "stop",
            new Object[] {"stop"}, new String[] {String.class.getName()}));
    }

    /**
     * @return the never-probed method's result.
     */
    @Benchmark
    public long neverProbed()
    {
        return Targets.Never.place(item, qty);
    }

    /**
     * @return the probed method's result.
     */
    @Benchmark
    public long probed()
    {
        return Targets.Probed.place(item, qty);
    }

    /**
     * @return the result of the method probed and then unprobed.
     */
    @Benchmark
    public long afterOff()
    {
        return Targets.Off.place(item, qty);
    }

    /** Start counting the benchmark thread's CPU time for the paced rows (JMH runs this on that thread). */
    @Setup(Level.Iteration)
    public void startIteration()
    {
        pacedCalls = 0;
        cpuAtStart = threads.getCurrentThreadCpuTime();
        processCpuAtStart = os.getProcessCpuTime();
    }

    /**
     * Print the benchmark thread's CPU time per paced call: unlike the wall-clock score, time the thread spent
     * waiting for a core on a loaded machine is not in it, while a wake-up's system call is. Then the whole
     * process's CPU time per call ({@code PROCESS} lines): the dispatch thread's share (its spins, parks and
     * handlers) shows there, with the compiler's and the collector's.
     *
     * @param benchmark the benchmark running.
     * @param iteration the iteration ending.
     */
    @TearDown(Level.Iteration)
    public void endIteration(final BenchmarkParams benchmark, final IterationParams iteration)
    {
        if (pacedCalls > 0)
        {
            System.out.printf("%nCPU %s %s: %.1f ns of thread CPU per call%n", benchmark.getBenchmark(),
                iteration.getType(), (threads.getCurrentThreadCpuTime() - cpuAtStart) / (double)pacedCalls);
            System.out.printf("PROCESS %s %s: %.1f ns of process CPU per call%n", benchmark.getBenchmark(),
                iteration.getType(), (os.getProcessCpuTime() - processCpuAtStart) / (double)pacedCalls);
        }
    }

    /**
     * The baseline of {@link #pacedProbed}: the same CPU work, the call never probed.
     *
     * @return the never-probed method's result.
     */
    @Benchmark
    public long pacedNeverProbed()
    {
        Blackhole.consumeCPU(paceTokens);
        pacedCalls++;
        return Targets.Never.place(item, qty);
    }

    /**
     * A probed call spaced by CPU work, so that (with {@code handler=noop}) its event is published: the host
     * thread's cost of a published probe event is this minus {@link #pacedNeverProbed}.
     *
     * @return the probed method's result.
     */
    @Benchmark
    public long pacedProbed()
    {
        Blackhole.consumeCPU(paceTokens);
        pacedCalls++;
        return Targets.Probed.place(item, qty);
    }

    private static void require(final String expected, final String script) throws Exception
    {
        final String got = eval(script);
        if (!expected.equals(got))
        {
            throw new IllegalStateException(script + " gave " + got);
        }
    }

    private static String eval(final String script) throws Exception
    {
        return String.valueOf(server().invoke(new ObjectName("dev.sxs:type=Runtime"), "eval",
            new Object[] {script}, new String[] {String.class.getName()})).trim();
    }

    private static MBeanServer server()
    {
        return ManagementFactory.getPlatformMBeanServer();
    }
}
