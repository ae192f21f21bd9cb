package dev.sxs.task;

import static dev.sxs.task.Tasks.awaitState;
import static dev.sxs.task.Tasks.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.events.Channel;
import dev.sxs.events.Subscription;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A task's next step runs on the processor of the step before it, right after its commit, up to
 * {@code tasks.inlineSteps} in a row; then the task goes back to the queue behind the others. A task spawned on a
 * host thread has its first step submitted from that thread, not through the engine's. A task released in the
 * middle of a run (its lease lost) writes nothing more, the kept redo record included.
 */
class TaskInlineTest
{
    private static final String TEN = "(core/fn/def ten () {" + "(core/kv/incr local:n) ".repeat(10) + "})";

    private static SxsRuntime start(final String... settings)
    {
        final Map<String, String> with = new java.util.HashMap<>(Map.of("kv.entries", "10000"));
        for (int i = 0; i < settings.length; i += 2)
        {
            with.put(settings[i], settings[i + 1]);
        }
        return SxsRuntime.start(Config.defaults().with(with), LogSink.NONE);
    }

    @Test
    void shouldRunUpToInlineStepsOfATaskInOneStepScript()
    {
        try (SxsRuntime runtime = start("tasks.inlineSteps", "4"))
        {
            expect(runtime, TEN, "true");
            final long before = runtime.dispatcher().stats(Channel.EXEC).published();
            expect(runtime, "(core/task/spawn ten)", "1");
            awaitState(runtime, 1, "done");
            assertEquals(3, runtime.dispatcher().stats(Channel.EXEC).published() - before,
                "steps 0-3, 4-7 and 8-9: three step scripts on the execution channel");
            // each step committed once, in order
            expect(runtime, "(core/kv/get task:1:local:n)", "10");
            expect(runtime, "(core/kv/get task:1:pc)", "10");
            expect(runtime, "(core/kv/get task:1:result)", "10");
        }
    }

    @Test
    void shouldSendEveryStepThroughTheExecutionChannelWhenInlineStepsIsOne()
    {
        try (SxsRuntime runtime = start("tasks.inlineSteps", "1"))
        {
            expect(runtime, TEN, "true");
            final long before = runtime.dispatcher().stats(Channel.EXEC).published();
            expect(runtime, "(core/task/spawn ten)", "1");
            awaitState(runtime, 1, "done");
            assertEquals(10, runtime.dispatcher().stats(Channel.EXEC).published() - before);
            expect(runtime, "(core/kv/get task:1:local:n)", "10");
        }
    }

    @Test
    void shouldContinueInlineAfterAWakeUp()
    {
        try (SxsRuntime runtime = start("tasks.inlineSteps", "16"))
        {
            expect(runtime, "(core/fn/def w () {(core/kv/incr local:n) (core/task/yield) (core/kv/incr local:n) "
                + "(core/kv/incr local:n)})", "true");
            expect(runtime, "(core/task/spawn w)", "1");
            awaitState(runtime, 1, "paused");
            final long before = runtime.dispatcher().stats(Channel.EXEC).published();
            expect(runtime, "(core/task/resume 1)", "true");
            awaitState(runtime, 1, "done");
            assertEquals(1, runtime.dispatcher().stats(Channel.EXEC).published() - before,
                "the two steps after the yield ran in one step script");
            expect(runtime, "(core/kv/get task:1:result)", "3");
        }
    }

    @Test
    void shouldLetOtherTasksRunBetweenTheTurnsOfABusyTask()
    {
        try (SxsRuntime runtime = start("tasks.inlineSteps", "4", "tasks.concurrency", "1", "processors", "1"))
        {
            expect(runtime, "(core/fn/def short () {(core/task/shared {(core/kv/set seen (core/kv/get busy))})})",
                "true");
            expect(runtime, "(core/task/new short: short)", "1");
            // busy's first step starts the short task, which then waits in the queue for the one step slot
            expect(runtime, "(core/fn/def busy () {(core/list/new (core/task/resume 1) (core/task/shared "
                + "{(core/kv/incr busy)})) " + "(core/task/shared {(core/kv/incr busy)}) ".repeat(39) + "})", "true");
            expect(runtime, "(core/task/spawn busy)", "2");
            awaitState(runtime, 1, "done");
            // the short task ran right after the busy one's first turn of four steps, not after all 40
            expect(runtime, "(core/kv/get seen)", "4");
            awaitState(runtime, 2, "done");
            expect(runtime, "(core/kv/get busy)", "40");
        }
    }

    @Test
    void shouldStartATaskSpawnedOnAHostThreadWithoutTheEngineThread() throws InterruptedException
    {
        try (SxsRuntime runtime = start())
        {
            expect(runtime, TEN, "true");
            final HeldEngine held = HeldEngine.hold(runtime.tasks().scheduler());
            try
            {
                // the engine's one thread is held: the first step goes from this thread to the gateway
                expect(runtime, "(core/task/spawn ten)", "1");
                awaitState(runtime, 1, "done");
                assertEquals(0, runtime.tasks().scheduler().queued());
            }
            finally
            {
                held.release();
            }
            expect(runtime, "(core/kv/get task:1:local:n)", "10");
        }
    }

    @Test
    void shouldLeaveTheKeptRecordOfATaskReleasedDuringItsRunInPlace() throws InterruptedException
    {
        try (SxsRuntime runtime = start())
        {
            final CountDownLatch holding = new CountDownLatch(1);
            final Subscription at = runtime.dispatcher().subscribe(Channel.A, 5, event -> holding.countDown(),
                Subscription.NO_OWNER);
            // step 1 runs inline after step 0's commit and holds its processor until the test publishes on A 6
            expect(runtime, "(core/fn/def held () {(core/kv/incr local:n) "
                + "(core/expr/await (core/event/pub A 5 true) A 6 20000) (core/kv/incr local:n)})", "true");
            expect(runtime, "(core/task/spawn held)", "1");
            assertTrue(holding.await(20, TimeUnit.SECONDS));
            final KvStore frame = runtime.store().scoped("task:1:");
            final String kept = frame.get(Frames.REDO);
            assertNotNull(kept, "step 0's record is kept while step 1 runs inline");
            // the lease is lost meanwhile: the lease thread releases every task (another runtime may take them)
            new EngineTasks(runtime.tasks(), runtime.store()).releaseAll();
            expect(runtime, "(core/event/pub A 6 true)", "true");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runtime.tasks().scheduler().inFlight() > 0 && System.nanoTime() < deadline)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            assertEquals(0, runtime.tasks().scheduler().inFlight(), "the step script ended");
            assertEquals("1", frame.get(Frames.PC), "step 1 did not commit");
            assertEquals("1", frame.get("local:n"));
            assertEquals(kept, frame.get(Frames.REDO), "the new owner's recovery applies it, not this runtime");
            at.cancel();
        }
    }
}
