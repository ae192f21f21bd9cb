package dev.sxs.it.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.task.TaskInfo;
import dev.sxs.task.TaskState;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The host of {@link TaskKillIT}: a runtime over a data folder holding TASKS tasks of a STEPS-step function
 * whose every step increments the frame key {@code local:n}. Every start prints {@code ready} and
 * {@code recovered C} (C the steps committed over all tasks, the sum of their {@code pc}s, as recovered), then
 * from that moment, on a thread of its own, every 50 ms {@code progress C RUNNING DONE} (steps committed, tasks
 * running and done), while the main thread spawns what is missing (a kill may fall in the middle of spawning;
 * the tasks run while it spawns, so the reports start with the work, not after the spawning) and prints
 * {@code spawned}. Once all are done the reporter checks each frame (state done, {@code local:n},
 * {@code result} and {@code pc} equal to STEPS: each step's frame write applied exactly once) and prints
 * {@code verified N} or {@code bad ...}. It runs until killed. Arguments: data folder, tasks, steps.
 */
public final class TaskHostMain
{
    private TaskHostMain()
    {
    }

    /**
     * @param args data folder, number of tasks, steps per task.
     */
    public static void main(final String[] args)
    {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final int tasks = Integer.parseInt(args[1]);
        final int steps = Integer.parseInt(args[2]);
        final SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("data", args[0],
            "kv.entries", Integer.toString(tasks * 12 + 10_000), "tasks.concurrency", "256")), LogSink.NONE);
        out.println("ready " + ProcessHandle.current().pid());
        out.println("recovered " + committed(runtime, tasks));
        SxsThreadFactory.create().newThread(() -> report(runtime, out, tasks, steps), "sxs-it-task-progress")
            .start();
        final StringBuilder fn = new StringBuilder("(core/fn/def work (i) {");
        for (int s = 0; s < steps; s++)
        {
            fn.append(" (core/kv/incr local:n)");
        }
        eval(runtime, fn.append("})").toString());
        // small scripts: one that ran out of its time budget under load spawned fewer, so count and go on (the
        // tasks past those counted before: ids ascend and none is removed, so the count costs no listing of all)
        long have = runtime.tasks().list(null, null, 0, tasks).size();
        while (have < tasks)
        {
            eval(runtime, "(core/kv/set k 0) (core/expr/while {(core/expr/lt (core/kv/get k) "
                + Math.min(100, tasks - have) + ")} {(core/kv/incr k) (core/task/spawn work 0)})");
            have += runtime.tasks().list(null, null, have, tasks).size();
        }
        out.println("spawned " + tasks);
        // every sxs thread is a daemon, so this thread keeps the JVM up until the kill; park() may return for no
        // reason (its contract) or at once for a permit an earlier hand-off left, and a main that then returned
        // ended the JVM with nothing said: the likely cause of a by-hand round that ended with no error
        // (round 46 of 50, 50 steps, at 405,684 steps of 500,000)
        while (true)
        {
            LockSupport.park();
        }
    }

    /** Every 50 ms a progress line (or a failure); once every task is done, the check of every frame. */
    private static void report(final SxsRuntime runtime, final PrintStream out, final int tasks, final int steps)
    {
        int done = -1;
        int quiet = 0;
        long committed = -1;
        while (done < tasks)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            final List<TaskInfo> failed = runtime.tasks().list(null, TaskState.FAILED, 0, 1);
            if (!failed.isEmpty())
            {
                out.println("bad failed task " + failed.get(0).id() + ": " + failed.get(0).end());
            }
            final long now = committed(runtime, tasks);
            done = (int)runtime.tasks().count(TaskState.DONE);
            out.println("progress " + now + " " + runtime.tasks().count(TaskState.RUNNING) + " " + done);
            if (now != committed)
            {
                committed = now;
                quiet = 0;
            }
            else if (++quiet % 100 == 0)
            {
                out.println("stalled: " + counts(runtime) + " first running: " + runtime.tasks().list(null,
                    TaskState.RUNNING, 0, 1));
            }
        }
        out.println(verify(runtime, tasks, steps));
    }

    private static String verify(final SxsRuntime runtime, final int tasks, final int steps)
    {
        final KvStore store = runtime.store();
        final int all = Integer.parseInt(eval(runtime, "(core/list/len (core/task/list all 0 1000000))"));
        if (all != tasks)
        {
            return "bad " + all + " tasks, not " + tasks;
        }
        for (int id = 1; id <= tasks; id++)
        {
            final String frame = "task:" + id + ":";
            final String n = store.get(frame + "local:n");
            if (!"\"done\"".equals(store.get(frame + "state")) || !Integer.toString(steps).equals(n)
                || !Integer.toString(steps).equals(store.get(frame + "result"))
                || !Integer.toString(steps).equals(store.get(frame + "pc")))
            {
                return "bad task " + id + ": state " + store.get(frame + "state") + " local:n " + n + " pc "
                    + store.get(frame + "pc");
            }
        }
        return "verified " + tasks;
    }

    /** @return the steps committed so far over every task: the sum of their {@code pc}s. */
    private static long committed(final SxsRuntime runtime, final int tasks)
    {
        long sum = 0;
        for (final TaskInfo info : runtime.tasks().list(null, null, 0, tasks))
        {
            sum += info.pc();
        }
        return sum;
    }

    private static String counts(final SxsRuntime runtime)
    {
        final StringBuilder out = new StringBuilder();
        for (final TaskState state : TaskState.values())
        {
            out.append(state.label()).append(' ').append(runtime.tasks().count(state)).append(' ');
        }
        return out.toString();
    }

    private static String eval(final SxsRuntime runtime, final String source)
    {
        final List<Value> values = runtime.eval(source, "");
        return Printer.print(values.get(values.size() - 1));
    }
}
