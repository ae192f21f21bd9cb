package dev.sxs.jmx.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.jmx.mbean.TasksControl;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.task.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The Tasks MBean over a live engine: counts, list, show a frame, resume and cancel, audited. */
class TasksControlTest
{
    private static void awaitCount(final SxsRuntime runtime, final TaskState state, final long n)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runtime.tasks().count(state) != n)
        {
            assertTrue(System.nanoTime() < deadline, "never " + n + " " + state);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    @Test
    void shouldListShowResumeAndCancelTasksAndAuditTheActions()
    {
        try (SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "10000")),
            LogSink.NONE))
        {
            final List<String> audited = new ArrayList<>();
            final TasksControl tasks = new TasksControl(new EngineTasks(runtime.clusterTasks(), runtime.store()),
                (who, operation, detail) -> audited.add(operation + " " + detail));
            runtime.eval("(core/fn/def hold (n) {(core/kv/set local:n $n) (core/task/yield) (core/kv/get local:n)})",
                "app:");
            assertEquals("1", Printer.print(runtime.eval("(core/task/spawn hold 7)", "app:").get(0)));
            assertEquals("2", Printer.print(runtime.eval("(core/task/spawn hold 8)", "app:").get(0)));
            awaitCount(runtime, TaskState.PAUSED, 2);
            assertTrue(List.of(tasks.getCounts()).contains("paused 2"));
            assertArrayEquals(new String[] {"2 paused 1 hold \"app:\" task:2: yield"}, tasks.list("paused", 1, 10));
            final List<String> shown = List.of(tasks.show(1));
            assertEquals("1 paused 1 hold \"app:\" task:1: yield", shown.get(0));
            assertTrue(shown.containsAll(List.of("arg:n 7", "local:n 7", "pc 1", "state \"paused\"")),
                shown.toString());
            assertEquals("resumed task 1", tasks.resume(1));
            assertEquals("cancelled task 2", tasks.cancel(2));
            assertEquals("task 2 has already ended", tasks.cancel(2));
            awaitCount(runtime, TaskState.DONE, 1);
            assertArrayEquals(new String[] {"1 done 3 hold \"app:\" task:1: = 7"}, tasks.list("done", 0, 10));
            assertThrows(IllegalArgumentException.class, () -> tasks.show(9));
            assertThrows(IllegalArgumentException.class, () -> tasks.list("sleepy", 0, 10));
            assertEquals(List.of("Tasks.resume 1", "Tasks.cancel 2", "Tasks.cancel 2"), audited);
        }
    }
}
