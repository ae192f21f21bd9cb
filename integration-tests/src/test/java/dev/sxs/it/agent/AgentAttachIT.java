package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sxs attached to a JVM started without it: evaluated through the CLI, stopped and attached again
 * many times without leaving a thread or class loader behind. On JDK 17 and Temurin 25.
 */
class AgentAttachIT
{
    /** Stop/attach cycles. */
    static final int CYCLES = 10;
    /** How long collected class loaders may take to disappear, s. */
    static final long LOADER_WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldAttachToARunningJvmThenEvaluate(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir, null, List.of(), List.of()))
        {
            final String pid = Long.toString(host.pid());
            assertEquals(1, SxsCommand.run(jdk, "status", pid).exitCode(), "not loaded yet");
            final SxsCommand attach = SxsCommand.run(jdk, "attach", pid, "data=" + dir.resolve("data")
                + ",events.workers=1");
            assertEquals(0, attach.exitCode(), attach.err() + host.stderr());
            assertEquals("sxs is running in JVM " + pid, attach.out().trim());
            if (jdk.feature() >= 21)
            {
                assertTrue(attach.err().contains("-XX:+EnableDynamicAgentLoading"), attach.err());
            }
            final SxsCommand eval = SxsCommand.run(jdk, "eval", pid, "(core/kv/incr hits) (core/kv/incr hits)");
            assertEquals(List.of("1", "2"), eval.lines(), eval.err());
            assertEquals("", host.ask("visible").replace("dev.sxs.bootstrap.SxsClassLoader", ""));
            assertEquals(HostJvm.probeClassPath(), host.ask("classpath"),
                "attach leaves the host's java.class.path alone");

            final SxsCommand again = SxsCommand.run(jdk, "attach", pid);
            assertEquals(0, again.exitCode());
            assertTrue(again.err().contains("already running"), again.err());

            final SxsCommand stop = SxsCommand.run(jdk, "stop", pid);
            assertEquals(0, stop.exitCode(), stop.err());
            assertEquals("stopped", host.ask("status"));
            assertEquals("", host.ask("threads"));
            assertEquals("", host.ask("mapped"), "no store or journal file left mapped");
            assertEquals(HostJvm.probeClassPath(), host.ask("classpath"),
                "stop leaves the host's java.class.path as it was");
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldReuseThePreviousSettingsAfterStopAndRefuseOthersWhileRunning(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path boot = dir.resolve("boot.sxs");
        Files.writeString(boot, "(core/kv/incr boots)\n");
        try (HostJvm host = HostJvm.start(jdk, dir, null,
            List.of("-XX:+EnableDynamicAgentLoading", "-XX:+IgnoreUnrecognizedVMOptions"), List.of()))
        {
            final String pid = Long.toString(host.pid());
            final String settings = "data=" + dir.resolve("kept") + ",boot=" + boot;
            final SxsCommand attach = SxsCommand.run(jdk, "attach", pid, settings);
            assertEquals(0, attach.exitCode(), attach.err() + host.stderr());
            assertFalse(attach.err().contains("EnableDynamicAgentLoading"),
                "no reminder of a flag the target has: " + attach.err());

            final SxsCommand other = SxsCommand.run(jdk, "attach", pid, "data=" + dir.resolve("elsewhere"));
            assertEquals(2, other.exitCode(), other.err());
            assertTrue(other.err().startsWith("sxs attach: sxs is already running in JVM " + pid
                + " with other settings (boot: running " + boot + ", asked (not set); data: running "
                + dir.resolve("kept") + ", asked " + dir.resolve("elsewhere") + ")"), other.err());
            final SxsCommand same = SxsCommand.run(jdk, "attach", pid, settings);
            assertEquals(0, same.exitCode(), same.err());
            assertTrue(same.err().contains("already running"), same.err());

            assertEquals(0, SxsCommand.run(jdk, "stop", pid).exitCode());
            final SxsCommand bare = SxsCommand.run(jdk, "attach", pid);
            assertEquals(0, bare.exitCode(), bare.err() + host.stderr());
            assertTrue(bare.err().contains("sxs attach: using the settings of the previous load in JVM " + pid + ": "
                + settings), bare.err());
            assertEquals(List.of("2"), SxsCommand.run(jdk, "eval", pid, "(core/kv/get boots)").lines(),
                "the same store, and the boot script ran again");
            assertFalse(Files.exists(dir.resolve("sxs-data")), "the host's ./sxs-data was not opened");
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldUnloadCompletelyOnStopAndAttachAgainManyTimes(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir, null,
            List.of("-XX:+EnableDynamicAgentLoading", "-XX:+IgnoreUnrecognizedVMOptions"), List.of()))
        {
            final String pid = Long.toString(host.pid());
            for (int i = 1; i <= CYCLES; i++)
            {
                load(pid, "data=" + dir.resolve("data"));
                assertEquals("running", host.ask("status"), host.stderr());
                try (JMXConnector jmx = connect(pid))
                {
                    final MBeanServerConnection server = jmx.getMBeanServerConnection();
                    final ObjectName runtime = new ObjectName("dev.sxs:type=Runtime");
                    assertEquals(Integer.toString(i),
                        server.invoke(runtime, "eval", new Object[] {"(core/kv/incr cycles)"},
                        new String[] {String.class.getName()}), "the store survives every cycle");
                    assertEquals("stopped", server.invoke(runtime, "stop", new Object[] {"stop"},
                        new String[] {String.class.getName()}));
                    assertTrue(server.queryNames(new ObjectName("dev.sxs:*"), null).isEmpty(), "no sxs MBean left");
                }
                assertEquals("stopped", host.ask("status"));
                assertEquals("", host.ask("threads"), "no sxs thread left after stop " + i);
                assertEquals("", host.ask("mapped"), "no store or journal file left mapped after stop " + i);
                assertEquals("", host.ask("contexts"), "no thread keeps the sxs class loader as context after stop "
                    + i);
            }
            assertEquals("0", awaitLoaders(host, "0"), "every stopped sxs class loader was collected");
            load(pid, "data=" + dir.resolve("data"));
            assertEquals("1", awaitLoaders(host, "1"), "one sxs class loader while sxs runs");
            assertEquals(Integer.toString(CYCLES), host.ask("eval (core/kv/get cycles)"));
        }
    }

    /**
     * Class loaders are collected by the garbage collector once unreachable; the JDK's RMI and attach
     * machinery may hold the last one used for a few seconds after the connection closed. Ask (each
     * question runs full GCs) until the count is reached or the deadline passes.
     */
    private static String awaitLoaders(final HostJvm host, final String expected) throws Exception
    {
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(LOADER_WAIT_SECONDS);
        String count = host.ask("loaders");
        while (!count.equals(expected) && System.nanoTime() < deadline)
        {
            java.util.concurrent.TimeUnit.SECONDS.sleep(1); // polling the host's GC, not synchronising with our threads
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

    private static JMXConnector connect(final String pid) throws Exception
    {
        final VirtualMachine vm = VirtualMachine.attach(pid);
        try
        {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        }
        finally
        {
            vm.detach();
        }
    }
}
