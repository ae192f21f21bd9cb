package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An agent loaded with {@code -javaagent} starts once the host has started (docs/agent.md, "At start-up"), so
 * its own start does not compete with the host's: the host here starts for a few seconds, loading classes as a
 * server does, and sxs has not opened its store when the host says it is ready; it runs soon after. A host that
 * never stops loading classes still gets sxs after {@code start.maxWaitMillis}; a host that exits during the wait
 * gets neither sxs nor a line of it in its log. JDK 17 and Temurin 25.
 */
class DeferredStartIT
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldOpenNothingUntilTheHostHasStarted(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path data = dir.resolve("data");
        // a quiet time well above a loaded machine's scheduling gaps, so the simulated start is never taken for its end
        final String agent = "-javaagent:" + SxsCommand.agentJar() + "=data=" + data + ",start.quietMillis=1500";
        try (HostJvm host = HostJvm.start(jdk, dir, agent, List.of("-D" + ProbeHost.START_MILLIS_PROPERTY + "=4000"),
            List.of()))
        {
            assertEquals("starting", host.ask("status"), host.stderr());
            assertFalse(Files.exists(data.resolve("store.dat")), "no store opened during the host's start");
            assertEquals("sxs-boot", host.ask("threads"), "one sleeping thread is all sxs has during the host's start");

            assertEquals("running", host.awaitStarted(), host.stderr());
            assertEquals("3", host.ask("eval (core/kv/incr n 3)"));
        }
    }

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldNeitherStartNorComplainWhenTheHostExitsDuringTheWait(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path data = dir.resolve("data");
        // the host exits at once and then spends 4 s in its shutdown hook: as quiet as a host that has started
        final String agent = "-javaagent:" + SxsCommand.agentJar() + "=data=" + data + ",start.quietMillis=1000";
        try (HostJvm host = HostJvm.start(jdk, dir, agent,
            List.of("-D" + ProbeHost.EXIT_HOLD_MILLIS_PROPERTY + "=4000"), List.of()))
        {
            assertEquals("starting", host.ask("status"), host.stderr());
            assertEquals(0, host.exit(), host.stderr());
            assertFalse(host.stderr().contains("[sxs]"), "nothing said in the host's log\n" + host.stderr());
            assertFalse(Files.exists(data.resolve("store.dat")), "nothing opened in a JVM that was shutting down");
        }
    }

    /** @return each JDK with each setting that starts sxs during a long host start. */
    static Stream<Arguments> jdksAndEarlyStarts()
    {
        return Jdk.all().flatMap(jdk -> Stream.of("start.maxWaitMillis=300", "start=now")
            .map(setting -> Arguments.of(jdk, setting)));
    }

    @ParameterizedTest
    @MethodSource("jdksAndEarlyStarts")
    void shouldStartDuringALongHostStartAfterTheLongestWaitOrWhenToldToStartNow(final Jdk jdk, final String setting)
        throws Exception
    {
        jdk.assumePresent();
        final Path data = dir.resolve("data");
        final String agent = "-javaagent:" + SxsCommand.agentJar() + "=data=" + data + "," + setting;
        // a start that lasts until sxs opens its store, at most 25 s: below the 30 s longest wait sxs would
        // otherwise take, and long enough for sxs's own start on a loaded machine
        try (HostJvm host = HostJvm.start(jdk, dir, agent, List.of("-D" + ProbeHost.START_MILLIS_PROPERTY + "=25000",
            "-D" + ProbeHost.START_UNTIL_PROPERTY + "=" + data.resolve("store.dat")), List.of()))
        {
            assertTrue(Files.exists(data.resolve("store.dat")), "the store was opened during the host's start\n"
                + host.stderr());
            assertEquals("running", host.awaitStarted(), host.stderr());
        }
    }
}
