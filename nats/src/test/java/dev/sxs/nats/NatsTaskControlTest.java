package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.sxs.nats.Scripts.awaitValue;
import static dev.sxs.nats.Scripts.eval;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.lang.Printer;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.task.ControlOutcome;
import dev.sxs.task.TaskInfo;
import dev.sxs.task.TaskState;

/**
 * Control of the tasks of every runtime on one bucket (docs/scale-out.md, "Tasks and probes"), with runtimes in one
 * JVM, each with its own connections as a JVM of its own would have: {@code core/task/status} and {@code list} show
 * another runtime's tasks from their frames in the bucket, with their owner; {@code resume} and {@code cancel} of
 * another runtime's task are requests its owner applies, once; a request for the task of a runtime that died is
 * applied by the runtime that takes the task over.
 */
class NatsTaskControlTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    private static final String HOLD = "(core/fn/def hold (n) {(core/kv/set local:n $n) (core/task/yield) "
        + "(core/kv/get local:n)})";
    private static final String NAP = "(core/fn/def nap () {(core/kv/set local:n 1) (core/task/sleep 600000) "
        + "(core/kv/get local:n)})";

    @Test
    void shouldListAndShowTheTasksAnotherRuntimeOwnsWithTheirOwner() throws Exception
    {
        try (SxsRuntime one = NATS.runtime("ctl-list"); SxsRuntime two = NATS.runtime("ctl-list"))
        {
            assertEquals("true", eval(one, HOLD));
            assertEquals("1", eval(one, "(core/task/spawn hold 7)"));
            assertEquals("2", eval(two, "(core/task/spawn hold 8)"));
            awaitValue(two, "(core/task/status 1)", "[1 \"paused\" 1 hold]");
            awaitValue(one, "(core/task/status 2)", "[2 \"paused\" 1 hold]");
            assertEquals("[1 2] [2] [1 2]", eval(two, "(core/task/list all) (core/task/list paused 1 10)")
                + " " + eval(one, "(core/task/list paused)"));
            assertEquals("[]", eval(two, "(core/task/list running)"));
            assertEquals("@\"core/task/status: no task 1\"", Printer.print(two.eval("(core/task/status 1)", "other:")
                .get(0)), "a task is reachable from its own scope only");
            final List<TaskInfo> paused = two.clusterTasks().list(null, TaskState.PAUSED, 0, 10);
            assertEquals(List.of(1L, 2L), paused.stream().map(TaskInfo::id).toList());
            assertEquals("1 paused 1 hold \"\" task:1: yield", paused.get(0).line(), "read from the bucket");
            assertEquals(2, two.clusterTasks().count(TaskState.PAUSED));
            final String owner = one.clusterTasks().owner(1);
            assertNotNull(owner);
            assertEquals(owner, two.clusterTasks().owner(1), "the owner, as the frame names it");
            assertNotEquals(owner, two.clusterTasks().owner(2));
            assertNull(two.clusterTasks().info(3));
            assertTrue(two.tasks().info(1) == null && one.tasks().info(2) == null, "each task stays with its owner");
        }
    }

    @Test
    void shouldResumeAndCancelATaskAnotherRuntimeOwnsOnce() throws Exception
    {
        try (SxsRuntime one = NATS.runtime("ctl-apply"); SxsRuntime two = NATS.runtime("ctl-apply"))
        {
            assertEquals("true true", eval(one, HOLD + " " + NAP));
            assertEquals("1 2", eval(one, "(core/task/spawn hold 7) (core/task/spawn nap)"));
            awaitValue(two, "(core/task/status 1)", "[1 \"paused\" 1 hold]");
            final long asked = System.nanoTime();
            assertEquals("true", eval(two, "(core/task/resume 1)"), "accepted for the owner");
            awaitValue(two, "(core/kv/get task:1:state)", "\"done\"");
            final long resumed = System.nanoTime() - asked;
            assertEquals("[1 \"done\" 3 hold 7]", eval(two, "(core/task/status 1)"));
            assertEquals("false", eval(two, "(core/task/resume 1)"), "done: not paused");
            awaitValue(two, "(core/task/status 2)", "[2 \"waiting\" 1 nap]");
            final long cancelAsked = System.nanoTime();
            assertEquals("true", eval(two, "(core/task/cancel 2)"));
            awaitValue(two, "(core/kv/get task:2:state)", "\"cancelled\"");
            final long cancelled = System.nanoTime() - cancelAsked;
            System.out.printf("requests applied by the owner: resume to done %.0f ms, cancel to cancelled %.0f ms%n",
                resumed / 1e6, cancelled / 1e6);
            assertEquals("[2 \"cancelled\" 1 nap]", eval(two, "(core/task/status 2)"));
            assertEquals("false", eval(two, "(core/task/cancel 2)"), "already ended");
            assertEquals("@\"core/task/cancel: no task 99\"", eval(two, "(core/task/cancel 99)"));
            assertEquals("7 1", eval(one, "(core/kv/get task:1:local:n) (core/kv/get task:2:local:n)"),
                "the owner ran each step once");
            assertTrue(two.tasks().info(1) == null && two.tasks().info(2) == null, "the owner applied them");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!one.store().keys("\0task:~ctl:", 0, 10).isEmpty() && System.nanoTime() < deadline)
            {
                TimeUnit.MILLISECONDS.sleep(20); // the owner removes a request after applying it
            }
            assertEquals(List.of(), one.store().keys("\0task:~ctl:", 0, 10), "no request left");
        }
    }

    @Test
    void shouldApplyARequestForADeadOwnersTaskInTheRuntimeThatTakesItOver() throws Exception
    {
        final SxsRuntime doomed = NATS.runtime("ctl-dead");
        // the survivor's first look at the other owners comes 6 s after its start: the request is made before it
        try (SxsRuntime survivor = NATS.runtime("ctl-dead", "tasks.leaseRenewMillis", "6000",
            "tasks.leaseMillis", "13000"))
        {
            try
            {
                assertEquals("true", eval(doomed, HOLD));
                assertEquals("1", eval(doomed, "(core/task/spawn hold 5)"));
                awaitValue(survivor, "(core/task/status 1)", "[1 \"paused\" 1 hold]");
            }
            finally
            {
                doomed.close(); // its lease is dead from now on; nobody applies requests for its task until a takeover
            }
            assertEquals(ControlOutcome.REQUESTED, survivor.clusterTasks().resume(1),
                "the survivor does not own the task yet");
            awaitValue(survivor, "(core/task/status 1)", "[1 \"done\" 3 hold 5]");
            assertNotNull(survivor.tasks().info(1), "taken over, then resumed by the request");
        }
    }
}
