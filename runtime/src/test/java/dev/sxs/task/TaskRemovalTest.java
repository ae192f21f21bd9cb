package dev.sxs.task;

import static dev.sxs.task.Tasks.awaitState;
import static dev.sxs.task.Tasks.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Finished tasks are removed with their frames when their retention ends, in sweeps of the engine's thread: the
 * tasks that ended meanwhile go in one run of that thread, not one wake-up each, and none before its time.
 */
class TaskRemovalTest
{
    private static final int TASKS = 20;

    private static SxsRuntime start(final String retentionMillis)
    {
        return SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "10000", "tasks.retentionMillis",
            retentionMillis)), LogSink.NONE);
    }

    @Test
    void shouldRemoveTheTasksThatEndedMeanwhileInOneSweep() throws InterruptedException
    {
        try (SxsRuntime runtime = start("0"))
        {
            expect(runtime, "(core/fn/def one () {(core/kv/set local:a 1)})", "true");
            final Scheduler scheduler = runtime.tasks().scheduler();
            final HeldEngine held = HeldEngine.hold(scheduler);
            final long before = scheduler.engineRuns();
            try
            {
                // spawned on this thread, each task's step goes to the gateway without the engine's thread, held here
                for (int id = 1; id <= TASKS; id++)
                {
                    expect(runtime, "(core/task/spawn one)", Integer.toString(id));
                }
                for (int id = 1; id <= TASKS; id++)
                {
                    awaitState(runtime, id, "done");
                }
            }
            finally
            {
                held.release();
            }
            for (int id = 1; id <= TASKS; id++)
            {
                awaitRemoved(runtime, id);
            }
            assertEquals(List.of(), runtime.store().keys("task:", 0, 10), "every frame removed");
            final long runs = scheduler.engineRuns() - before;
            assertTrue(runs <= 3, "the held run and one sweep (two at most) for " + TASKS + " tasks, not "
                + runs + " runs of the engine's thread");
        }
    }

    @Test
    void shouldRemoveAFinishedTaskNoSoonerThanItsRetention()
    {
        final long retention = 1000;
        try (SxsRuntime runtime = start(Long.toString(retention)))
        {
            expect(runtime, "(core/fn/def one () {(core/kv/set local:a 1)})", "true");
            expect(runtime, "(core/task/spawn one)", "1");
            expect(runtime, "(core/task/spawn one)", "2");
            awaitState(runtime, 1, "done");
            awaitState(runtime, 2, "done");
            final long ended = Math.max(runtime.tasks().task(1).endedMillis, runtime.tasks().task(2).endedMillis);
            final boolean present = runtime.tasks().info(1) != null && runtime.tasks().info(2) != null;
            if (System.currentTimeMillis() < ended + retention)
            {
                assertTrue(present, "looked at before its retention ended: still there");
            }
            awaitRemoved(runtime, 1);
            awaitRemoved(runtime, 2);
            assertEquals(List.of(), runtime.store().keys("task:", 0, 10), "with their frames");
        }
    }

    private static void awaitRemoved(final SxsRuntime runtime, final long id)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runtime.tasks().info(id) != null)
        {
            if (System.nanoTime() > deadline)
            {
                fail("task " + id + " was never removed");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
