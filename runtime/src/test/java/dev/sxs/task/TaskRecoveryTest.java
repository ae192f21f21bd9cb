package dev.sxs.task;

import static dev.sxs.task.Tasks.awaitState;
import static dev.sxs.task.Tasks.eval;
import static dev.sxs.task.Tasks.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarting the runtime over the same data folder: redo records, waits, running tasks, retention, and what a
 * frame holds for the engine (its one hidden entry beside the wait and the redo record).
 */
class TaskRecoveryTest
{
    private static SxsRuntime start(final Path data, final String... more)
    {
        final Map<String, String> settings = new TreeMap<>(Map.of("data", data.toString(), "kv.entries", "10000"));
        for (int i = 0; i < more.length; i += 2)
        {
            settings.put(more[i], more[i + 1]);
        }
        return SxsRuntime.start(Config.defaults().with(settings), LogSink.NONE);
    }

    @Test
    void shouldApplyAllOfACommitAfterACrashBetweenItsWrites(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            final KvStore frame = runtime.store().scoped("f:");
            frame.put(Frames.PC, "4");
            frame.put("local:gone", "1");
            final KvStore crashing = new CrashingStore(frame, 2);
            final Map<String, String> puts = new TreeMap<>(Map.of("local:a", "1", "local:b", "2"));
            assertThrows(IllegalStateException.class, () -> Frames.commit(crashing, 5, puts, List.of("local:gone")));
            // the record and one write reached the store, the pc did not move
            assertEquals("4", frame.get(Frames.PC));
            assertEquals("1", frame.get("local:a"));
            assertNull(frame.get("local:b"));
            assertTrue(Frames.recover(frame));
            assertEquals("5", frame.get(Frames.PC));
            assertEquals("2", frame.get("local:b"));
            assertNull(frame.get("local:gone"));
            assertNull(frame.get(Frames.REDO));
            assertFalse(Frames.recover(frame));
        }
    }

    @Test
    void shouldKeepAPausedTaskPausedAcrossARestartAndResumeItThen(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/fn/def hold (n) {(core/kv/set local:a $n) (core/task/yield) "
                + "(core/kv/set local:b (core/math/add (core/kv/get local:a) 1)) (core/kv/get local:b)})", "true");
            expect(runtime, "(core/task/spawn hold 41)", "1");
            awaitState(runtime, 1, "paused");
        }
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/task/status 1)", "[1 \"paused\" 1 hold]");
            expect(runtime, "(core/task/spawn hold 1)", "2");
            expect(runtime, "(core/task/resume 1)", "true");
            awaitState(runtime, 1, "done");
            expect(runtime, "(core/kv/get task:1:result)", "42");
        }
    }

    @Test
    void shouldDeliverAnEventPublishedAfterARestartToATaskAwaitingIt(@TempDir final Path data)
    {
        final String pay = """
            (core/fn/def pay (order) {
              (core/kv/set local:status "waiting")
              (core/task/await A 7 local:payment)
              (core/kv/set local:status (core/str/concat "paid " (core/kv/get local:payment)))
              (core/kv/get local:status)
            })""";
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, pay, "true");
            expect(runtime, "(core/task/spawn pay 42)", "1");
            awaitState(runtime, 1, "waiting");
        }
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/task/status 1)", "[1 \"waiting\" 1 pay]");
            expect(runtime, "(core/event/pub A 7 \"card\")", "true");
            awaitState(runtime, 1, "done");
            expect(runtime, "(core/kv/get task:1:result)", "\"paid card\"");
            expect(runtime, "(core/kv/get task:1:local:payment)", "\"card\"");
        }
    }

    @Test
    void shouldWakeASleepingTaskAtItsStoredDueTimeAfterARestart(@TempDir final Path data)
    {
        final long before = System.currentTimeMillis();
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/fn/def nap () {(core/task/sleep 300) (core/util/now)})", "true");
            expect(runtime, "(core/task/spawn nap)", "1");
            awaitState(runtime, 1, "waiting");
        }
        try (SxsRuntime runtime = start(data))
        {
            awaitState(runtime, 1, "done");
            final long woke = Long.parseLong(eval(runtime, "(core/kv/get task:1:result)"));
            assertTrue(woke >= before + 300, "woke " + (woke - before) + " ms after the spawn");
        }
    }

    @Test
    void shouldContinueARunningTaskFromItsLastCommittedStep(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/fn/def count () {(core/kv/set local:s0 1) (core/kv/set local:s1 1) "
                + "(core/kv/set local:s2 1) (core/kv/set local:s3 1)})", "true");
            expect(runtime, "(core/task/new task:1: count)", "1");
            // the frame as a crash after step 1's commit leaves it
            expect(runtime, "(core/kv/set task:1:pc 2) (core/kv/set task:1:state \"running\")", "true");
        }
        try (SxsRuntime runtime = start(data))
        {
            awaitState(runtime, 1, "done");
            expect(runtime, "(core/kv/exists task:1:local:s1)", "false");
            expect(runtime, "(core/kv/get task:1:local:s2)", "1");
            expect(runtime, "(core/kv/get task:1:local:s3)", "1");
            expect(runtime, "(core/task/spawn count)", "2");
        }
    }

    @Test
    void shouldRemoveAFinishedTaskWithItsFrameWhenItsRetentionEnds(@TempDir final Path data)
    {
        try (SxsRuntime runtime = start(data, "tasks.retentionMillis", "0"))
        {
            expect(runtime, "(core/fn/def one () {(core/kv/set local:a 1)})", "true");
            expect(runtime, "(core/task/spawn one)", "1");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!eval(runtime, "(core/task/status 1)").startsWith("@") && System.nanoTime() < deadline)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            expect(runtime, "(core/task/status 1)", "@\"core/task/status: no task 1\"");
            assertEquals(List.of(), runtime.store().keys("task:1:", 0, 10));
            assertEquals(List.of(), runtime.store().keys("\0task:", 0, 10));
        }
    }

    @Test
    void shouldKeepATasksNameSpawnerAndEndTimeInItsCodeEntryAcrossARestart(@TempDir final Path data)
    {
        final long before = System.currentTimeMillis();
        final String principal;
        final long ended;
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/fn/def two (x) {(core/kv/set local:a $x) (core/task/yield) (core/kv/get local:a)})",
                "true");
            expect(runtime, "(core/task/spawn two 5)", "1");
            awaitState(runtime, 1, "paused");
            final KvStore frame = runtime.store().scoped("task:1:");
            assertEquals(List.of(Frames.CODE, Frames.WAIT, "arg:x", "local:a", "pc", "state"),
                frame.keys("", 0, 100), "one hidden entry for the function, its name and who spawned the task");
            expect(runtime, "(core/task/resume 1)", "true");
            awaitState(runtime, 1, "done");
            assertEquals(List.of(Frames.CODE, "arg:x", "local:a", "pc", "result", "state"), frame.keys("", 0, 100),
                "the end time in the same entry");
            principal = runtime.tasks().info(1).principal();
            ended = runtime.tasks().task(1).endedMillis;
            assertTrue(ended >= before && ended <= System.currentTimeMillis());
        }
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/task/status 1)", "[1 \"done\" 3 two 5]");
            assertEquals(principal, runtime.tasks().info(1).principal());
            assertEquals(ended, runtime.tasks().task(1).endedMillis, "the retention counts from the stored end");
        }
    }

    @Test
    void shouldRecoverATaskWhoseFrameHasTheLayoutFromBeforeItsCodeEntryHeldItsName(@TempDir final Path data)
    {
        final String principal;
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/fn/def two (x) {(core/kv/set local:a $x) (core/task/yield) (core/kv/get local:a)})",
                "true");
            expect(runtime, "(core/task/new other: two 1)", "1");
            principal = runtime.tasks().info(1).principal();
            // a paused task as the engine wrote it before: the text alone, its name and spawner in a key of their own
            final KvStore frame = runtime.store().scoped("task:3:");
            frame.put(Frames.CODE, runtime.store().get(HiddenKeys.FUNCTIONS + "two"));
            frame.put(HiddenKeys.TASKS + "meta", "two\n" + principal);
            frame.put(Frames.WAIT, "yield");
            frame.put("arg:x", "7");
            frame.put("local:a", "7");
            frame.put(Frames.STATE, "\"paused\"");
            frame.put(Frames.PC, "1");
            runtime.store().put(HiddenKeys.TASKS + 3, "\ntask:3:");
        }
        try (SxsRuntime runtime = start(data))
        {
            expect(runtime, "(core/task/status 3)", "[3 \"paused\" 1 two]");
            assertEquals(principal, runtime.tasks().info(3).principal());
            expect(runtime, "(core/task/resume 3)", "true");
            awaitState(runtime, 3, "done");
            expect(runtime, "(core/kv/get task:3:result)", "7");
        }
    }
}
