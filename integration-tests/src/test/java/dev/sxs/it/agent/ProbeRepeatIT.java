package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.sun.tools.attach.VirtualMachine;

/**
 * Attach, probe, stop, again and again into one host JVM ({@link ProbeHost}), on JDK 17 and Temurin 25: after
 * each stop the probed class runs bytes that do not name sxs ({@link BytesAgent}) and no sxs thread is left; once
 * the stopped sxs class loaders are collected, the host's loaded classes, threads and metaspace (its own MXBeans)
 * have not grown from the first round to the last beyond the bounds below. Ten rounds; {@code
 * -Dsxs.it.probeRounds=N} runs more by hand.
 */
class ProbeRepeatIT
{
    /** Rounds of attach, probe, stop. */
    private static final int ROUNDS = Integer.getInteger("sxs.it.probeRounds", 10);
    /**
     * Classes the host may have loaded more after the last round than after the first: the JDK's own lazily
     * loaded classes (attach, JMX, lambda forms and method handle species the bridge's handles spin), not sxs's.
     */
    private static final long CLASS_BOUND = 300;
    /** Metaspace the host may use more after the last round than after the first, bytes (the same classes). */
    private static final long METASPACE_BOUND = 3L << 20;
    /** How long a stopped sxs class loader may take to be collected, s. */
    private static final long LOADER_WAIT_SECONDS = 60;
    private static final String TARGET = ProbeTarget.class.getName();
    private static final String BRIDGE_CALL = "dev/sxs/bridge/ProbeBridge.enter";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldAttachProbeAndStopRepeatedlyWithoutGrowthOrATraceOfSxs(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final List<String> flags = new ArrayList<>(BytesAgent.hostFlags(dir.resolve("bytes-agent.jar"), captured()));
        flags.add("-XX:+EnableDynamicAgentLoading");
        flags.add("-XX:+IgnoreUnrecognizedVMOptions");
        try (HostJvm host = HostJvm.start(jdk, dir, null, flags, List.of()))
        {
            assertEquals("2", host.ask("target place a 1"));
            final String pid = Long.toString(host.pid());
            final List<long[]> footprints = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++)
            {
                load(pid, "data=" + dir.resolve("data") + ",events.workers=1");
                assertEquals("running", host.awaitStarted(), host.stderr());
                assertEquals("true|1", host.ask("eval (core/event/sub A 1 {(core/kv/incr calls)}) (core/probe/on "
                    + TARGET + " place A 1)"), "round " + round);
                assertTrue(runningCode(host).contains(BRIDGE_CALL), "probed in round " + round);
                assertEquals("2", host.ask("target place a 1"));
                assertEquals("stopped", host.ask("stop"));
                assertFalse(runningCode(host).contains(BRIDGE_CALL), "no sxs in the class after stop " + round);
                assertEquals("", host.ask("threads"), "no sxs thread after stop " + round);
                assertEquals("0", awaitLoaders(host), "the stopped sxs class loader is collected, round " + round);
                footprints.add(footprint(host));
            }
            final long[] first = footprints.get(0);
            final long[] last = footprints.get(footprints.size() - 1);
            final String seen = "classes, threads, metaspace after each round: " + footprints.stream()
                .map(java.util.Arrays::toString).toList();
            System.out.println("ProbeRepeatIT " + jdk + ": " + seen);
            assertTrue(last[0] - first[0] <= CLASS_BOUND, "loaded classes grew: " + seen);
            assertEquals(first[1], last[1], "live threads: " + seen);
            assertTrue(last[2] - first[2] <= METASPACE_BOUND, "metaspace grew: " + seen);
        }
    }

    private Path captured()
    {
        return dir.resolve("captured.class");
    }

    /** @return the code of the target's methods as the JVM runs them now (not the constant pool). */
    private String runningCode(final HostJvm host) throws Exception
    {
        host.ask("target bytes");
        return ClassCode.of(Files.readAllBytes(captured()));
    }

    private static long[] footprint(final HostJvm host) throws Exception
    {
        final String[] parts = host.ask("footprint").split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    /**
     * The JDK's attach and RMI machinery may hold the last sxs class loader for a few seconds after stop; ask
     * (each question runs full GCs) until none is alive or the time is up.
     */
    private static String awaitLoaders(final HostJvm host) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOADER_WAIT_SECONDS);
        String count = host.ask("loaders");
        while (!count.equals("0") && System.nanoTime() < deadline)
        {
            TimeUnit.SECONDS.sleep(1); // polling the host's garbage collector
            count = host.ask("loaders");
        }
        return count;
    }

    private static void load(final String pid, final String args) throws Exception
    {
        final VirtualMachine vm = VirtualMachine.attach(pid);
        try
        {
            vm.loadAgent(SxsCommand.agentJar().toString(), args);
        }
        finally
        {
            vm.detach();
        }
    }
}
