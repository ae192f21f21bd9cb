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
 * the {@link Task}; the scheduler is called after, outside it, where it may queue. Each commits only while this
 * runtime may commit the task ({@link TaskLeases#mayCommit}, checked under the monitor): with the lease lapsed or
 * lost it writes nothing and the task stays as it was, for this runtime once the lease is back or for the runtime
 * that takes the task over.
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
    private final TaskLeases leases;

    /**
     * @param options   the settings (the retention).
     * @param root      the root store (the task index).
     * @param tasks     the engine's tasks, by id.
     * @param scheduler runs, arms and disarms the tasks.
     * @param leases    the fence: whether this runtime may commit a task now.
     */
    TaskTransitions(final TaskOptions options, final KvStore root, final Map<Long, Task> tasks,
        final Scheduler scheduler, final TaskLeases leases)
    {
        this.options = options;
        this.root = root;
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.leases = leases;
    }

    /**
     * Resume a paused task (or start an initialized one): {@code state} is compared-and-set from
     * {@code paused} to {@code running}, then {@code pc} moves past the yield.
     *
     * @param id the task.
     * @return {@link ControlOutcome#APPLIED} when it was paused (or initialized) and now runs, {@link
     *         ControlOutcome#REFUSED} when it is not (or its {@code state} is not what the engine left), {@link
     *         ControlOutcome#NO_TASK} when this runtime has no such task, {@link ControlOutcome#REQUESTED} when its
     *         lease is not held: nothing is written, and the caller asks the task's owner ({@link ClusterTasks}).
     */
    ControlOutcome resume(final long id)
    {
        final Task task = tasks.get(id);
        if (task == null)
        {
            return ControlOutcome.NO_TASK;
        }
        synchronized (task)
        {
            final TaskState from = task.state;
            if (from != TaskState.PAUSED && from != TaskState.INITIALIZED)
            {
                return ControlOutcome.REFUSED;
            }
            if (!leases.mayCommit(task))
            {
                return ControlOutcome.REQUESTED;
            }
            if (!task.frameStore.replace(Frames.STATE, Frames.label(from), Frames.label(TaskState.RUNNING)))
            {
                return ControlOutcome.REFUSED;
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
        return ControlOutcome.APPLIED;
    }

    /**
     * Cancel a task that has not ended; the step it may be running keeps none of its writes.
     *
     * @param id the task.
     * @return {@link ControlOutcome#APPLIED} when cancelled, {@link ControlOutcome#REFUSED} when it had ended, {@link
     *         ControlOutcome#NO_TASK} when this runtime has no such task, {@link ControlOutcome#REQUESTED} when its
     *         lease is not held: nothing is written, and the caller asks the task's owner ({@link ClusterTasks}).
     */
    ControlOutcome cancel(final long id)
    {
        final Task task = tasks.get(id);
        if (task == null)
        {
            return ControlOutcome.NO_TASK;
        }
        synchronized (task)
        {
            if (task.state.ended())
            {
                return ControlOutcome.REFUSED;
            }
            if (!leases.mayCommit(task))
            {
                return ControlOutcome.REQUESTED;
            }
            scheduler.disarm(task);
            end(task, TaskState.CANCELLED, task.pc, new TreeMap<>(), new ArrayList<>(List.of(Frames.WAIT)));
            return ControlOutcome.APPLIED;
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
            if (!leases.mayCommit(task))
            {
                // the lease lapsed: removed once it is back, or by the runtime that takes the task over
                scheduler.at(() -> remove(task), System.currentTimeMillis() + RETRY_MILLIS);
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
            if (refused && leases.mayCommit(task))
            {
                // the access policy refused the step: the task cannot go on as its principal
                end(task, TaskState.FAILED, task.pc, new TreeMap<>(Map.of(Frames.ERROR, StoredValues.encode(
                    new StrValue(((ErrorValue)values.get(0)).message())))), new ArrayList<>(List.of(Frames.WAIT)));
            }
            else if (!task.ran && task.runnable())
            {
                // not run (a full execution channel, say; or refused with the lease lapsed, when the end, a commit,
                // waits for the lease): try again a little later
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
