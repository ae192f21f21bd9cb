package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The changes of a task's state that are not a step's own commit ({@link Steps}): a resume, a cancel, the end of
 * a wait, the end of a task and its removal when its retention ends, and what follows a step script (run again,
 * retried, or failed when the gateway refused it). Each holds the task's monitor while it changes the frame and
 * the {@link Task}; the scheduler is called after, outside it, where it may queue.
 * <p>
 * Threading: thread-safe. Failure: store exceptions pass to the caller.
 */
final class TaskTransitions
{
    private static final long RETRY_MILLIS = 100;

    private final TaskOptions options;
    private final KvStore root;
    private final Map<Long, Task> tasks;
    private final Scheduler scheduler;

    /**
     * @param options   the settings (the retention).
     * @param root      the root store (the task index).
     * @param tasks     the engine's tasks, by id.
     * @param scheduler runs, arms and disarms the tasks.
     */
    TaskTransitions(final TaskOptions options, final KvStore root, final Map<Long, Task> tasks,
        final Scheduler scheduler)
    {
        this.options = options;
        this.root = root;
        this.tasks = tasks;
        this.scheduler = scheduler;
    }

    /**
     * Resume a paused task (or start an initialized one): {@code state} is compared-and-set from
     * {@code paused} to {@code running}, then {@code pc} moves past the yield.
     *
     * @param id the task.
     * @return true when it was paused (or initialized) and now runs; false otherwise or when there is none.
     */
    boolean resume(final long id)
    {
        final Task task = tasks.get(id);
        if (task == null)
        {
            return false;
        }
        synchronized (task)
        {
            final TaskState from = task.state;
            if (from != TaskState.PAUSED && from != TaskState.INITIALIZED
                || !task.frameStore.replace(Frames.STATE, Frames.label(from), Frames.label(TaskState.RUNNING)))
            {
                return false;
            }
            if (from == TaskState.PAUSED)
            {
                Frames.commit(task.frameStore, task.pc + 1, Map.of(), List.of(Frames.WAIT));
                task.pc++;
                task.wait = null;
            }
            task.state = TaskState.RUNNING;
        }
        scheduler.enqueue(task);
        return true;
    }

    /**
     * Cancel a task that has not ended; the step it may be running keeps none of its writes.
     *
     * @param id the task.
     * @return true when cancelled; false when it had ended or there is none.
     */
    boolean cancel(final long id)
    {
        final Task task = tasks.get(id);
        if (task == null)
        {
            return false;
        }
        synchronized (task)
        {
            if (task.state.ended())
            {
                return false;
            }
            scheduler.disarm(task);
            end(task, TaskState.CANCELLED, task.pc, new TreeMap<>(), new ArrayList<>(List.of(Frames.WAIT)));
            return true;
        }
    }

    /**
     * End a task: commit the writes with the end state and time, schedule its removal. The caller holds the
     * task's monitor.
     *
     * @param task    the task.
     * @param state   a final state.
     * @param pc      the pc to commit.
     * @param puts    the writes to commit with the end (added to).
     * @param removes the removals to commit with it.
     */
    void end(final Task task, final TaskState state, final long pc, final Map<String, String> puts,
        final List<String> removes)
    {
        final long now = System.currentTimeMillis();
        puts.put(Frames.STATE, Frames.label(state));
        // the end time in the code entry, overwritten in place: no entry inserted at the end (FrameHeader)
        puts.put(Frames.CODE, task.header(now).encode());
        Frames.commit(task.frameStore, pc, puts, removes);
        task.redoKept = false;
        task.pc = pc;
        task.state = state;
        task.wait = null;
        task.endedMillis = now;
        scheduler.retire(task, now + options.retentionMillis());
    }

    /**
     * Remove a finished task with its frame (its retention ended); nothing when it is not finished or no longer
     * this engine's.
     *
     * @param task the task.
     */
    void remove(final Task task)
    {
        synchronized (task)
        {
            if (!task.state.ended() || tasks.get(task.id) != task)
            {
                return;
            }
            root.remove(HiddenKeys.TASKS + task.id);
            Frames.removeAll(task.frameStore);
            tasks.remove(task.id);
        }
    }

    /**
     * A wait ended: queue the task to commit its end (the next step script does).
     *
     * @param task    the waiting task.
     * @param payload an await's event payload, or null for a sleep.
     */
    void wake(final Task task, final Value payload)
    {
        synchronized (task)
        {
            if (task.state != TaskState.WAITING || task.woken)
            {
                return;
            }
            task.woken = true;
            task.wake = payload;
            scheduler.disarm(task);
        }
        scheduler.enqueue(task);
    }

    /**
     * A step script ended: queue the task again while it runs; retry a step the script did not run (a full
     * execution channel, say) a little later; fail the task when the gateway refused its step.
     *
     * @param task   the task.
     * @param values the step script's values (an error value when it did not run).
     */
    void stepDone(final Task task, final List<Value> values)
    {
        final boolean again;
        synchronized (task)
        {
            task.inFlight = false;
            final boolean refused = !task.ran && task.runnable() && !values.isEmpty()
                && values.get(0) instanceof ErrorValue error && Scheduler.isRefusal(error.message());
            if (refused)
            {
                // the access policy refused the step: the task cannot go on as its principal
                end(task, TaskState.FAILED, task.pc, new TreeMap<>(Map.of(Frames.ERROR, StoredValues.encode(
                    new StrValue(((ErrorValue)values.get(0)).message())))), new ArrayList<>(List.of(Frames.WAIT)));
            }
            else if (!task.ran && task.runnable())
            {
                // not run (a full execution channel, say): try again a little later
                scheduler.at(() -> scheduler.enqueue(task), System.currentTimeMillis() + RETRY_MILLIS);
            }
            again = task.runnable() && task.ran;
        }
        if (again)
        {
            scheduler.enqueue(task);
        }
    }
}
