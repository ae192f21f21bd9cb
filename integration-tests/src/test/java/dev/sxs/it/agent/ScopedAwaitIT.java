package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 section 4 through the real CLI: {@code sxs eval PID --scope t3: (core/expr/await ...)} is not
 * answered by a root publication, only by one made in t3:. On JDK 17 and Temurin 25.
 */
class ScopedAwaitIT
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldNotAnswerAScopedAwaitWithARootPublication(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir,
            // the await waits while two more CLI JVMs start (seconds each on a loaded 2-core machine):
            // a 60 s budget lets it outlast them
            "-javaagent:" + SxsCommand.agentJar() + "=data=" + dir.resolve("data") + ",budget.millis=60000",
            List.of(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            final String pid = Long.toString(host.pid());
            // the await's body marks t3:listening once the awaiter listens
            final CompletableFuture<SxsCommand> await = CompletableFuture.supplyAsync(() -> run(jdk, "eval", pid,
                "--scope", "t3:", "(core/expr/await {(core/kv/set listening true)} $CHANNEL_A 1 60000)"));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!run(jdk, "eval", pid, "(core/kv/get t3:listening)").out().trim().equals("true")
                && System.nanoTime() < deadline && !await.isDone())
            {
                Thread.onSpinWait();
            }
            final SxsCommand root = run(jdk, "eval", pid, "(core/event/pub $CHANNEL_A 1 \"root\")");
            assertEquals(List.of("true"), root.lines(), root.err());
            final SxsCommand mine = run(jdk, "eval", pid, "--scope", "t3:", "(core/event/pub $CHANNEL_A 1 \"t3\")");
            assertEquals(List.of("true"), mine.lines(), mine.err());
            final SxsCommand answer = await.get(90, TimeUnit.SECONDS);
            assertEquals(List.of("\"t3\""), answer.lines(), answer.err());
        }
    }

    private static SxsCommand run(final Jdk jdk, final String... args)
    {
        try
        {
            return SxsCommand.run(jdk, args);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }
}
