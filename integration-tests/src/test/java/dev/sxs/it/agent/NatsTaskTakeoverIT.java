package dev.sxs.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sxs.nats.NatsCluster;

/**
 * Issue 17: a durable task resumes in another JVM when its JVM dies (docs/scale-out.md, "Tasks and probes"), and a
 * resume asked of the dead JVM's paused task is applied by the JVM that takes it over.
 * Two host JVMs with {@code -javaagent} and {@code backend=nats} on one bucket of a real nats-server, leases of
 * 3 s renewed every 0.5 s; the JVM running a long task is killed with SIGKILL mid-task, and the other takes the
 * task over once the lease has lapsed and finishes it from its last committed step: every step's frame write
 * counted exactly once. {@code -Dsxs.it.takeoverUnits} makes the task longer by hand.
 */
class NatsTaskTakeoverIT
{
    /** Units of the task: each an increment step and a 25 ms sleep step. */
    private static final int UNITS = Integer.getInteger("sxs.it.takeoverUnits", 60);
    private static final long LEASE_MILLIS = 3000;

    @TempDir
    Path dir;

    private static HostJvm host(final Jdk jdk, final Path work, final NatsCluster cluster)
    {
        try
        {
            final HostJvm host = HostJvm.start(jdk, work, "-javaagent:" + SxsCommand.agentJar()
                + "=backend=nats,nats.bucket=takeover,journal.enabled=false,"
                + "tasks.leaseMillis=" + LEASE_MILLIS + ",tasks.leaseRenewMillis=500",
                List.of("-Dsxs.nats.servers=" + cluster.servers()), List.of());
            final String status = host.awaitStarted();
            if (!"running".equals(status))
            {
                host.close();
                throw new IllegalStateException("host did not start: " + status + "\n" + host.stderr());
            }
            return host;
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static String ask(final HostJvm host, final String script) throws Exception
    {
        return host.ask("eval " + script);
    }

    private static long number(final String printed)
    {
        return printed.matches("\\d+") ? Long.parseLong(printed) : 0;
    }

    private static void awaitState(final HostJvm host, final String id, final String state) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!state.equals(ask(host, "(core/kv/get task:" + id + ":state)")) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(20); // polling another process's progress
        }
        assertEquals(state, ask(host, "(core/kv/get task:" + id + ":state)"));
    }

    @Test
    void shouldFinishTheTaskOfAKilledJvmInAnotherWithEveryStepOnce() throws Exception
    {
        final Jdk jdk = Jdk.all().findFirst().orElseThrow();
        try (NatsCluster cluster = NatsCluster.start(1, dir.resolve("nats")))
        {
            final CompletableFuture<HostJvm> starting = CompletableFuture.supplyAsync(
                () -> host(jdk, dir.resolve("survivor"), cluster));
            final HostJvm doomed = host(jdk, dir.resolve("doomed"), cluster);
            try (HostJvm survivor = starting.get(120, TimeUnit.SECONDS))
            {
                final String id;
                try
                {
                    assertEquals("true", ask(doomed, "(core/fn/def long () {"
                        + "(core/kv/incr local:n) (core/task/sleep 25) ".repeat(UNITS) + "(core/kv/get local:n)})"));
                    id = ask(doomed, "(core/task/spawn long)");
                    assertEquals("1", id);
                    assertEquals("true", ask(doomed, "(core/fn/def hold () {(core/task/yield) "
                        + "(core/kv/incr local:r)})"));
                    assertEquals("2", ask(doomed, "(core/task/spawn hold)"));
                    awaitState(survivor, "2", "\"paused\"");
                    assertEquals("[1 2]", ask(survivor, "(core/task/list all)"), "another JVM's tasks, listed");
                    final String count = "(core/kv/get task:" + id + ":local:n)";
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (number(ask(survivor, count)) < UNITS / 4 && System.nanoTime() < deadline)
                    {
                        TimeUnit.MILLISECONDS.sleep(10); // polling another process's progress
                    }
                    assertTrue(number(ask(survivor, count)) < UNITS, "killed mid-task");
                }
                finally
                {
                    doomed.close(); // SIGKILL, like kill -9, while the task runs
                }
                final long killed = System.nanoTime();
                // the owner is dead, its lease not yet lapsed: a request, applied by the JVM that takes the task over
                assertEquals("true", ask(survivor, "(core/task/resume 2)"));
                final String count = "(core/kv/get task:" + id + ":local:n)";
                final long atKill = number(ask(survivor, count));
                final long deadline = killed + TimeUnit.SECONDS.toNanos(60);
                long resumed = 0;
                String state = ask(survivor, "(core/kv/get task:" + id + ":state)");
                while (!"\"done\"".equals(state) && System.nanoTime() < deadline)
                {
                    TimeUnit.MILLISECONDS.sleep(20); // polling another process's progress
                    if (resumed == 0 && number(ask(survivor, count)) > atKill)
                    {
                        resumed = System.nanoTime();
                    }
                    state = ask(survivor, "(core/kv/get task:" + id + ":state)");
                }
                assertEquals("\"done\"", state, "the survivor finished the task");
                assertEquals("[" + id + " \"done\" " + (2 * UNITS + 1) + " long " + UNITS + "]",
                    ask(survivor, "(core/task/status " + id + ")"), "every committed step counted once");
                awaitState(survivor, "2", "\"done\"");
                assertEquals("[2 \"done\" 2 hold 1]", ask(survivor, "(core/task/status 2)"), "resumed once");
                assertEquals("[1 2]", ask(survivor, "(core/task/list all)"));
                assertEquals("3", ask(survivor, "(core/task/spawn long)"), "ids go on from the bucket's counter");
                System.out.printf("task taken over: killed at %d of %d units, progress again after %.0f ms "
                    + "(lease %d ms)%n", atKill, UNITS, (resumed - killed) / 1e6, LEASE_MILLIS);
            }
            finally
            {
                doomed.close();
            }
        }
    }
}
