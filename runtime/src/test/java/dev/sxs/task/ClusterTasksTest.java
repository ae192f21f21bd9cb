package dev.sxs.task;

import static dev.sxs.task.Tasks.awaitKey;
import static dev.sxs.task.Tasks.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * {@link ClusterTasks} without a NATS server: two runtimes over one in-memory store, told it is shared (as the
 * runtimes of {@code backend=nats} share a bucket), and one runtime on an unshared store. The NATS side is
 * {@code NatsTaskControlTest} (nats module).
 */
class ClusterTasksTest
{
    private static final String HOLD = "(core/fn/def hold () {(core/task/yield) (core/kv/incr local:r)})";

    private static SxsRuntime shared(final KvStore store)
    {
        // backend=nats makes the task leases shared; the store is the caller's, so no server is reached
        return SxsRuntime.start(Config.parse(Map.of("backend", "nats")), store, LogSink.NONE);
    }

    private static void awaitGone(final KvStore store, final String prefix)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!store.keys(prefix, 0, 10).isEmpty())
        {
            assertTrue(System.nanoTime() < deadline, "requests left: " + store.keys(prefix, 0, 10));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the owner looks every 100 ms
        }
    }

    @Test
    void shouldBeTheEnginesOwnControlOnAnUnsharedStore()
    {
        try (SxsRuntime runtime = SxsRuntime.start(Config.defaults(), LogSink.NONE))
        {
            assertSame(runtime.tasks().control(), runtime.clusterTasks().control());
            assertFalse(runtime.clusterTasks().shared());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("sxs-task-control-")), "no thread of its own");
            expect(runtime, HOLD, "true");
            expect(runtime, "(core/task/spawn hold)", "1");
            Tasks.awaitState(runtime, 1, "paused");
            assertEquals(ControlOutcome.APPLIED, runtime.clusterTasks().resume(1));
            assertEquals(ControlOutcome.NO_TASK, runtime.clusterTasks().cancel(2));
            assertEquals(null, runtime.clusterTasks().owner(1));
        }
    }

    @Test
    void shouldApplyARequestOnceWhenItIsFoundAgainAfterItWasApplied()
    {
        try (KvStore store = ChronicleKvStore.open(KvOptions.inMemory(10_000));
            SxsRuntime owner = shared(store); SxsRuntime other = shared(store))
        {
            expect(owner, HOLD, "true");
            expect(owner, "(core/task/spawn hold) (core/task/spawn hold) (core/task/spawn hold)", "3");
            for (long id = 1; id <= 3; id++)
            {
                Tasks.awaitState(other, id, "paused");
            }
            assertEquals(ControlOutcome.REQUESTED, other.clusterTasks().resume(1));
            awaitKey(other, "task:1:state", "\"done\"");
            awaitGone(store, ControlRequests.PREFIX);
            // the owner died after applying the request and before removing it: the next owner finds it again
            store.put(ControlRequests.PREFIX + "1:resume:paused:0", "0");
            // a cancel and a resume asked together: the cancel goes first, the resume then finds nothing to resume
            store.put(ControlRequests.PREFIX + "2:resume:paused:0", "0");
            store.put(ControlRequests.PREFIX + "2:cancel", "0");
            // a resume asked in a state the task is not in does nothing
            store.put(ControlRequests.PREFIX + "3:resume:initialized:0", "0");
            awaitGone(store, ControlRequests.PREFIX);
            expect(other, "(core/task/status 1) (core/kv/get task:1:local:r)", "1");
            expect(other, "(core/task/status 1)", "[1 \"done\" 2 hold 1]");
            expect(other, "(core/task/status 2)", "[2 \"cancelled\" 0 hold]");
            expect(other, "(core/task/status 3)", "[3 \"paused\" 0 hold]");
            assertEquals(ControlOutcome.REFUSED, other.clusterTasks().cancel(2));
            assertEquals(ControlOutcome.NO_TASK, other.clusterTasks().resume(4));
            assertEquals(List.of(3L), other.clusterTasks().list(null, TaskState.PAUSED, 0, 10).stream()
                .map(TaskInfo::id).toList());
            assertEquals(Map.of(TaskState.PAUSED, 1L, TaskState.DONE, 1L, TaskState.CANCELLED, 1L),
                Map.copyOf(other.clusterTasks().counts().entrySet().stream().filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        }
    }
}
