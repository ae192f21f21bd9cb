package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sxs task PID list|show|resume|cancel} through the real CLI against a host started with
 * {@code -javaagent}: a task that yields is listed and shown with its frame, resumed to the end, and a
 * missing task is refused. One JDK (the one running the tests): the CLI path is the sessions IT's.
 */
class TaskCliIT
{
    @TempDir
    Path dir;

    @Test
    void shouldListShowResumeAndCancelATaskFromTheCommandLine() throws Exception
    {
        final Jdk jdk = Jdk.all().findFirst().orElseThrow();
        try (HostJvm host = HostJvm.start(jdk, dir,
            "-javaagent:" + SxsCommand.agentJar() + "=data=" + dir.resolve("data"), List.of(), List.of()))
        {
            assertEquals("running", host.awaitStarted(), host.stderr());
            final String pid = Long.toString(host.pid());
            final SxsCommand spawned = SxsCommand.run(jdk, "eval", pid, "(core/fn/def hold (n) {(core/kv/set "
                + "local:n $n) (core/task/yield) (core/kv/get local:n)}) (core/task/spawn hold 5)");
            assertEquals(List.of("true", "1"), spawned.lines(), spawned.err());
            final String paused = "1 paused 1 hold \"\" task:1: yield";
            assertEquals(paused, await(jdk, pid, "paused"), "the task yields");
            final SxsCommand shown = SxsCommand.run(jdk, "task", pid, "show", "1");
            assertEquals(0, shown.exitCode(), shown.err());
            assertEquals(List.of(paused, "arg:n 5", "local:n 5", "pc 1", "state \"paused\""), shown.lines());
            final SxsCommand resumed = SxsCommand.run(jdk, "task", pid, "resume", "1");
            assertEquals(List.of("resumed task 1"), resumed.lines(), resumed.err());
            assertEquals("1 done 3 hold \"\" task:1: = 5", await(jdk, pid, "done"));
            final SxsCommand again = SxsCommand.run(jdk, "task", pid, "cancel", "1");
            assertEquals(1, again.exitCode(), again.out());
            assertEquals(List.of("task 1 has already ended"), again.lines());
            final SxsCommand missing = SxsCommand.run(jdk, "task", pid, "show", "9");
            assertEquals(1, missing.exitCode(), missing.out());
            assertEquals(List.of("@\"no task 9\""), missing.lines());
            final SxsCommand usage = SxsCommand.run(jdk, "task", pid, "resume");
            assertEquals(2, usage.exitCode(), usage.out());
        }
    }

    /** The task runs on the host's processors after the eval returned: list until it is in the state. */
    private static String await(final Jdk jdk, final String pid, final String state) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SxsCommand list = SxsCommand.run(jdk, "task", pid, "list", "--state", state);
        while (list.lines().isEmpty() && System.nanoTime() < deadline)
        {
            list = SxsCommand.run(jdk, "task", pid, "list", "--state", state);
        }
        assertTrue(!list.lines().isEmpty(), "no task " + state + ": " + list.out() + list.err());
        return list.lines().get(0);
    }
}
