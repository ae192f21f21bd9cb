package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sxs replay DIR --into PID} through the real CLI against a JVM started with {@code -javaagent}: the
 * events of the journal are re-published into the running sxs (its handler runs again), the handler's own
 * publications are suppressed, the script that subscribed it is not re-run, and a time bound given as a
 * printed record time includes that record. The print format shows the scope and the index. On JDK 17 and
 * Temurin 25.
 */
class ReplayIntoIT
{
    private static final String SETUP = "(core/kv/incr setups)"
        + " (core/event/sub $CHANNEL_A 7 { (core/kv/incr seen) (core/event/pub $CHANNEL_B 1 $data) })"
        + " (core/event/sub $CHANNEL_B 1 { (core/kv/incr echoed) })";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(Jdk.ALL)
    void shouldRepublishTheJournalIntoTheRunningSxsWithoutSideEffects(final Jdk jdk) throws Exception
    {
        jdk.assumePresent();
        final Path data = dir.resolve("data");
        try (HostJvm host = HostJvm.start(jdk, dir, "-javaagent:" + SxsCommand.agentJar() + "=data=" + data,
            List.of(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            final String pid = Long.toString(host.pid());
            final SxsCommand setup = SxsCommand.run(jdk, "eval", pid, SETUP);
            assertEquals(List.of("1", "true", "true"), setup.lines(), setup.err());
            for (int i = 1; i <= 3; i++)
            {
                final SxsCommand pub = SxsCommand.run(jdk, "eval", pid, "(core/event/pub $CHANNEL_A 7 " + i + ")");
                assertEquals(List.of("true"), pub.lines(), pub.err());
            }
            assertEquals("3", awaitValue(jdk, pid, "(core/kv/get echoed)", "3"));

            final String journal = data.resolve("journal").toString();
            final SxsCommand printed = SxsCommand.run(jdk, "replay", journal, "--channel", "A");
            assertEquals(0, printed.exitCode(), printed.err());
            assertEquals(3, printed.lines().size(), printed.out());
            for (int i = 1; i <= 3; i++)
            {
                assertTrue(printed.lines().get(i - 1).matches("\\d+ \\S+Z A 7 \"\" " + i), printed.out());
            }

            final SxsCommand into = SxsCommand.run(jdk, "replay", journal, "--channel", "A", "--into", pid);
            assertEquals(0, into.exitCode(), into.out() + into.err());
            assertTrue(into.out().matches("replay into " + pid + ": indexes \\d+\\.\\.\\d+, \\d+/\\d+ records read, "
                + "3 re-published, done\\R"), into.out());
            assertEquals("6", awaitValue(jdk, pid, "(core/kv/get seen)", "6"), "the handler ran for each event");
            assertEquals(List.of("3", "1"), SxsCommand.run(jdk, "eval", pid,
                "(core/kv/get echoed) (core/kv/get setups)").lines(),
                "the handler's publications are suppressed and the script is not re-run");

            final String second = printed.lines().get(1).split(" ")[1];
            final SxsCommand exact = SxsCommand.run(jdk, "replay", journal, "--channel", "A", "--since", second,
                "--until", second, "--into", pid);
            assertEquals(0, exact.exitCode(), exact.out() + exact.err());
            assertTrue(exact.out().contains(", 1 re-published, done"),
                "the record stamped at the bound: " + exact.out());
            assertEquals("7", awaitValue(jdk, pid, "(core/kv/get seen)", "7"));

            final Path other = dir.resolve("other");
            Files.createDirectories(other);
            Files.copy(data.resolve("journal").resolve("metadata.cq4t"), other.resolve("metadata.cq4t"));
            final SxsCommand wrong = SxsCommand.run(jdk, "replay", other.toString(), "--into", pid);
            assertEquals(2, wrong.exitCode(), wrong.out() + wrong.err());
            assertTrue(wrong.err().startsWith("sxs replay: --into replays the journal of the sxs it names: " + pid
                + " journals to "), wrong.err());
        }
    }

    /** The handler runs on a dispatch thread after the publish returned: ask until it has. */
    private static String awaitValue(final Jdk jdk, final String pid, final String script,
        final String expected) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String value = SxsCommand.run(jdk, "eval", pid, script).out().trim();
        while (!value.equals(expected) && System.nanoTime() < deadline)
        {
            value = SxsCommand.run(jdk, "eval", pid, script).out().trim();
        }
        return value;
    }
}
