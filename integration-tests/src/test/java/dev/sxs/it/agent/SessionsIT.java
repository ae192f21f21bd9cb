package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Named sessions through the real CLI against a JVM started with {@code -javaagent}: a handler subscribed by
 * {@code eval --session s1} is listed by {@code sxs sessions}, removed by a later {@code eval --session s1}
 * that unsubs it, and {@code --replace} runs a setup script twice without doubling its handlers. On JDK 17
 * and Temurin 25.
 */
class SessionsIT
{
    private static final String SUB = "(core/event/sub $CHANNEL_A 7 { (core/kv/incr seen) })";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldListUnsubAndReplaceTheHandlersOfANamedSession(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        try (HostJvm host = HostJvm.start(jdk, dir,
            "-javaagent:" + SxsCommand.agentJar() + "=data=" + dir.resolve("data"),
            List.of(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            final String pid = Long.toString(host.pid());

            final SxsCommand sub = SxsCommand.run(jdk, "eval", pid, "--session", "s1", SUB);
            assertEquals(List.of("true"), sub.lines(), sub.err());
            final SxsCommand listed = SxsCommand.run(jdk, "sessions", pid);
            assertEquals(0, listed.exitCode(), listed.err());
            assertEquals(2, listed.lines().size(), listed.out());
            assertTrue(listed.lines().get(0).matches("\\d+ s1 cli:local root \"\" 1"), listed.out());
            assertEquals("  A 7 cli {(core/kv/incr seen)}", listed.lines().get(1), listed.out());

            final SxsCommand other = SxsCommand.run(jdk, "eval", pid, "(core/event/unsub $CHANNEL_A 7)");
            assertEquals(List.of("0"), other.lines(), "another eval's session owns nothing there: " + other.err());
            final SxsCommand unsub = SxsCommand.run(jdk, "eval", pid, "--session", "s1",
                "(core/event/unsub $CHANNEL_A 7)");
            assertEquals(List.of("1"), unsub.lines(), unsub.err());
            final SxsCommand emptied = SxsCommand.run(jdk, "sessions", pid);
            assertTrue(emptied.lines().get(0).matches("\\d+ s1 cli:local root \"\" 0"), emptied.out());
            assertEquals(1, emptied.lines().size(), emptied.out());

            final Path setup = dir.resolve("setup.sxs");
            Files.writeString(setup, SUB + "\n");
            for (int run = 1; run <= 2; run++)
            {
                final SxsCommand again = SxsCommand.run(jdk, "eval", pid, "--session", "setup", "--replace", "-f",
                    setup.toString());
                assertEquals(List.of("true"), again.lines(), "run " + run + ": " + again.err());
            }
            final SxsCommand pub = SxsCommand.run(jdk, "eval", pid, "(core/event/pub $CHANNEL_A 7 \"x\")");
            assertEquals(List.of("true"), pub.lines(), pub.err());
            assertEquals("1", awaitValue(jdk, pid, "(core/kv/get seen)", "1"), "the setup's handler runs");
            final SxsCommand after = SxsCommand.run(jdk, "sessions", pid);
            assertEquals(3, after.lines().size(), "every handler is listed under its session: " + after.out());
            assertTrue(after.lines().get(0).matches("\\d+ s1 cli:local root \"\" 0"), after.out());
            assertTrue(after.lines().get(1).matches("\\d+ setup cli:local root \"\" 1"),
                "replaced, not doubled: " + after.out());
            assertEquals("  A 7 cli {(core/kv/incr seen)}", after.lines().get(2), after.out());

            final SxsCommand closed = SxsCommand.run(jdk, "sessions", pid, "--close", "setup");
            assertEquals(0, closed.exitCode(), closed.err());
            assertTrue(closed.out().matches("closed session \\d+ \\(setup\\): 1 handler removed\\R"), closed.out());
            final SxsCommand missing = SxsCommand.run(jdk, "sessions", pid, "--close", "setup");
            assertEquals(1, missing.exitCode(), missing.out());
            assertEquals(List.of("@\"close: no open session 'setup'\""), missing.lines());
        }
    }

    /** The handler runs on a dispatch thread after the publish returned: ask until it has. */
    private static String awaitValue(final Jdk jdk, final String pid, final String script,
        final String expected) throws Exception
    {
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String value = SxsCommand.run(jdk, "eval", pid, script).out().trim();
        while (!value.equals(expected) && System.nanoTime() < deadline)
        {
            value = SxsCommand.run(jdk, "eval", pid, script).out().trim();
        }
        return value;
    }
}
