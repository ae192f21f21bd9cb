package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sxs loaded with {@code -javaagent} into a host started without any flag: evaluated through the real
 * CLI, persisted across a restart, invisible to the host, and harmless when misconfigured. Each test
 * forks fresh JVMs, on JDK 17 and on Temurin 25.
 */
class AgentStartupIT
{
    @TempDir
    Path dir;

    private static String agent(final String args)
    {
        return "-javaagent:" + SxsCommand.agentJar() + (args.isEmpty() ? "" : "=" + args);
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldEvaluateThroughTheCliInAJvmStartedWithTheAgent(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir, agent("data=" + dir.resolve("data")), List.of(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            final SxsCommand ok = SxsCommand.run(jdk, "eval", Long.toString(host.pid()),
                "(core/kv/set a 5) (core/kv/incr a 2) \"line\\nbreak\"");
            assertEquals(0, ok.exitCode(), ok.err());
            assertEquals(List.of("true", "7", "\"line\\nbreak\""), ok.lines());

            final SxsCommand error = SxsCommand.run(jdk, "eval", Long.toString(host.pid()), "--scope", "s:",
                "(core/kv/get a)");
            assertEquals(1, error.exitCode(), error.err());
            assertEquals(List.of("@\"key not found: a\""), error.lines());

            final SxsCommand status = SxsCommand.run(jdk, "status", Long.toString(host.pid()));
            assertEquals(0, status.exitCode(), status.err());
            assertTrue(status.out().contains("data: " + dir.resolve("data")), status.out());
            assertTrue(status.out().matches("(?s)sxs \\S+ running in \\d+ for \\d+ (second|minute)s?\\b.*"),
                "uptime in words: " + status.out());
            assertTrue(status.lines().contains("store: 1 entry"), status.out());
            assertTrue(status.out().matches("(?s).*journal: [0-9.]+ (KiB|MiB|GiB), \\d+ records.*"), status.out());
            assertTrue(status.out().contains("channel   published  delivered  discarded   rejected  handler-errors"),
                status.out());

            assertEquals("7", host.ask("eval (core/kv/get a)"),
                "host code reaches sxs through the platform MBean server");
            assertEquals("dev.sxs.bootstrap.SxsClassLoader", host.ask("visible"),
                "only the bootstrap is visible to the host");
            assertEquals(HostJvm.probeClassPath(), host.ask("classpath"),
                "sxs leaves the host's java.class.path alone");
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldLeaveTheHostsSystemPropertiesAlone(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final String without;
        try (HostJvm host = HostJvm.start(jdk, dir, null, List.of(), List.of()))
        {
            without = host.ask("properties");
        }
        try (HostJvm host = HostJvm.start(jdk, dir, agent("data=" + dir.resolve("data")), List.of(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            // the store and the journal have been through Chronicle by now, and a key and an event written
            assertEquals("true", host.ask("eval (core/kv/set a 1)"), host.stderr());
            host.ask("eval (core/event/pub A 1 \"x\")");

            // sxs owns only its sxs.* properties; Chronicle's own settings stay out of the host's
            assertEquals(without, host.ask("properties"), "system properties of the host");
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldKeepDataAcrossARestart(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm first = HostJvm.start(jdk, dir, agent(""), List.of(), List.of()))
        {
            assertEquals("running", first.awaitStarted(), first.stderr());
            assertEquals("true|true", first.ask("eval (core/kv/set order:1 \"shipped\") (core/kv/set total 42)"));
            assertEquals(0, first.exit());
        }
        try (HostJvm second = HostJvm.start(jdk, dir, agent(""), List.of(), List.of()))
        {
            assertEquals("running", second.awaitStarted(), second.stderr());
            final SxsCommand read = SxsCommand.run(jdk, "eval", Long.toString(second.pid()),
                "(core/kv/get order:1) (core/kv/get total)");
            assertEquals(List.of("\"shipped\"", "42"), read.lines(), read.err());
            assertTrue(dir.resolve("sxs-data").toFile().isDirectory(),
                "agent mode keeps data in ./sxs-data by default");
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldLeaveTheHostRunningWithOneClearLineOnABadArgument(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir, agent("events.workers=many"), List.of(), List.of()))
        {
            final String status = host.awaitStarted();
            assertEquals("failed: bad configuration: bad value for 'events.workers': 'many' (expected an integer from "
                + "1 to 256)", status);
            assertTrue(host.stderr()
                .contains("[sxs] bad configuration: bad value for 'events.workers': 'many' (expected an integer from 1 "
                    + "to 256); "
                + "sxs is not running, the application continues"), host.stderr());
            assertEquals("", host.ask("threads"), "no sxs thread is left");
            assertTrue(host.alive());
            final SxsCommand eval = SxsCommand.run(jdk, "eval", Long.toString(host.pid()), "(core/kv/get a)");
            assertEquals(3, eval.exitCode());
            assertTrue(eval.err()
                .contains("sxs eval: sxs failed in JVM " + host.pid()
                    + ": bad configuration: bad value for 'events.workers'"), eval.err());
            assertEquals(0, host.exit(), "the host ends normally");
        }
    }
}
