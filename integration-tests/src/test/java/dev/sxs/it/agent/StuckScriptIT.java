package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One CLI eval stuck in a long await (issue 9, section 2) delays only its own caller: while it waits,
 * {@code sxs status}, another {@code sxs eval} and a publish from a host thread through the Channel MBean
 * each answer within seconds, and the stuck eval still gets its answer when the event comes. A JVM started
 * with {@code -javaagent}, on JDK 17 and Temurin 25.
 */
class StuckScriptIT
{
    /** Far below the stuck script's 60 s, far above a CLI start on a loaded 2-core machine. */
    private static final long ANSWER_MILLIS = 20_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldAnswerStatusEvalsAndHostPublishesWhileOneEvalIsStuck(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir,
            "-javaagent:" + SxsCommand.agentJar() + "=data=" + dir.resolve("data") + ",budget.millis=60000",
            List.of(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            final String pid = Long.toString(host.pid());
            // one attach first: two CLIs attaching at once to a JVM whose attach listener is not up yet may
            // both signal it, and the JVM answers the second signal with a thread dump on its stdout
            assertEquals(0, cli(jdk, "status", pid).exitCode());
            final CompletableFuture<SxsCommand> stuck = CompletableFuture.supplyAsync(() -> cli(jdk, "eval", pid,
                "(core/kv/set waiting 1) (core/expr/await {} $CHANNEL_B 9 60000)"));
            awaitWaiting(jdk, pid);

            final long start = System.nanoTime();
            final SxsCommand status = cli(jdk, "status", pid);
            assertEquals(0, status.exitCode(), status.err());
            assertWithin(start, "sxs status");

            final long evalStart = System.nanoTime();
            final SxsCommand other = cli(jdk, "eval", pid, "(core/kv/incr other)");
            assertEquals(List.of("1"), other.lines(), other.err());
            assertWithin(evalStart, "another eval");

            final long publishStart = System.nanoTime();
            assertEquals("true", host.ask("publish A 5 \"from-host\""), host.stderr());
            assertWithin(publishStart, "a host thread's JMX publish");
            assertFalse(stuck.isDone(), "the stuck eval still waits for its event");

            final SxsCommand release = cli(jdk, "eval", pid, "(core/event/pub $CHANNEL_B 9 \"done\")");
            assertEquals(List.of("true"), release.lines(), release.err());
            final SxsCommand answered = stuck.get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
            assertEquals(List.of("true", "\"done\""), answered.lines(), answered.err());
        }
    }

    private static void awaitWaiting(final Jdk jdk, final String pid) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - deadline < 0)
        {
            final SxsCommand read = cli(jdk, "eval", pid, "(core/kv/exists waiting)");
            if (read.lines().equals(List.of("true")))
            {
                return;
            }
        }
        throw new AssertionError("the first eval never reached its await");
    }

    private static void assertWithin(final long startNanos, final String what)
    {
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        assertTrue(millis < ANSWER_MILLIS, what + " took " + millis + " ms while an eval was stuck");
    }

    private static SxsCommand cli(final Jdk jdk, final String... args)
    {
        try
        {
            return SxsCommand.run(jdk, args);
        }
        catch (final Exception ex)
        {
            throw new CompletionException(ex);
        }
    }
}
