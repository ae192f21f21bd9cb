package dev.sxs.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Dispatcher;
import dev.sxs.gateway.Gateway;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.lang.task.TaskControl;
import dev.sxs.session.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable task engine: tasks whose frames live in the store, run a step (one top-level form of a
 * stored function) at a time through the gateway, wait without a thread and continue after a restart
 * (docs/tasks.md). Its {@link #control()} is the language's {@link TaskControl}; {@link #recover} brings back
 * every task the store holds. The store is the truth; the engine mirrors each task in a {@link Task}.
 * <p>
 * The engine wires its parts and answers the queries: {@link Spawner} makes tasks, {@link Steps} runs and
 * commits their steps, {@link TaskTransitions} changes their state from outside a step, {@link Scheduler} runs
 * and wakes them, {@link Recovery} brings them back, {@link TaskLeases} says which ones this runtime may run.
 * <p>
 * Threading: thread-safe; each task's transitions hold its monitor. Failure: nothing throws for bad
 * input; commands get error values.
 */
public final class TaskEngine implements AutoCloseable
{
    private final TaskOptions options;
    private final Programs programs;
    private final Scheduler scheduler;
    private final TaskControl control;
    private final ConcurrentSkipListMap<Long, Task> tasks = new ConcurrentSkipListMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final Spawner spawner;
    private final TaskTransitions transitions;
    final TaskLeases leases; // which tasks this runtime may run and commit; the steps read it

    private TaskEngine(final TaskOptions options, final TaskLeaseOptions leases, final KvStore root,
        final Interpreter interpreter, final Gateway gateway, final Dispatcher dispatcher,
        final SxsThreadFactory threads)
    {
        this.options = options;
        this.leases = TaskLeases.open(leases, this, root, threads);
        this.programs = new Programs(interpreter);
        this.scheduler = new Scheduler(options, gateway, dispatcher, threads, this::stepDone, this::remove);
        this.transitions = new TaskTransitions(options, root, tasks, scheduler, this.leases);
        this.spawner = new Spawner(root, programs, this.leases, scheduler, tasks, lastId);
        this.control = new LanguageTasks(this, new Steps(this));
    }

    /**
     * Make the engine; nothing runs until {@link #recover()}.
     *
     * @param options     the settings.
     * @param leases      the leases' settings (shared: other runtimes open the same store).
     * @param root        the root store.
     * @param interpreter compiles the functions.
     * @param gateway     where steps go.
     * @param dispatcher  where awaits subscribe.
     * @param threads     the runtime's thread factory ({@code sxs-task-N}).
     * @return the engine; register its {@link #control()} in the interpreter's services, then call
     *         {@link #recover()}; close it before the gateway.
     */
    public static TaskEngine open(final TaskOptions options, final TaskLeaseOptions leases, final KvStore root,
        final Interpreter interpreter, final Gateway gateway, final Dispatcher dispatcher,
        final SxsThreadFactory threads)
    {
        return new TaskEngine(options, leases, root, interpreter, gateway, dispatcher, threads);
    }

    /**
     * Recover every task of the store: re-apply redo records, continue running tasks, re-arm waiting ones,
     * schedule the removal of finished ones. Call once, after {@link #control()} is reachable by scripts
     * (the recovered steps call it).
     */
    public void recover()
    {
        leases.recover(lastId);
    }

    /** @return the settings. */
    public TaskOptions options()
    {
        return options;
    }

    /**
     * Make a task (what {@code core/task/spawn} and {@code core/task/new} do): {@link Spawner#spawn}.
     *
     * @param scope     the spawning scope.
     * @param principal who spawns it; its steps run as this principal.
     * @param frame     the frame's prefix in the scope, or null for {@code task:<id>:}.
     * @param fn        the stored function's name.
     * @param args      its arguments.
     * @param start     true to start it, false to leave it {@code initialized}.
     * @return the id, or an error value.
     */
    Value spawn(final String scope, final Principal principal, final String frame, final String fn,
        final List<Value> args, final boolean start)
    {
        return spawner.spawn(scope, principal, frame, fn, args, start);
    }

    /**
     * @param id a task id.
     * @return what the task is, or null when there is none.
     */
    public TaskInfo info(final long id)
    {
        final Task task = tasks.get(id);
        return task == null ? null : info(task);
    }

    /**
     * @param scope  a scope, or null for every scope.
     * @param state  a state, or null for every state.
     * @param offset tasks to skip.
     * @param limit  tasks at most.
     * @return the tasks, ascending by id.
     */
    public List<TaskInfo> list(final String scope, final TaskState state, final long offset, final int limit)
    {
        final List<TaskInfo> out = new ArrayList<>();
        long skip = offset;
        for (final Task task : tasks.values())
        {
            if (out.size() >= limit)
            {
                break;
            }
            if (scope != null && !task.scope.equals(scope) || state != null && state != task.stateNow())
            {
                continue;
            }
            if (skip > 0)
            {
                skip--;
                continue;
            }
            out.add(info(task));
        }
        return out;
    }

    /**
     * @param state a state.
     * @return how many tasks are in it.
     */
    public long count(final TaskState state)
    {
        long n = 0;
        for (final Task task : tasks.values())
        {
            n += task.stateNow() == state ? 1 : 0;
        }
        return n;
    }

    /**
     * Resume a paused task (or start an initialized one): {@code state} is compared-and-set from
     * {@code paused} to {@code running}, then {@code pc} moves past the yield.
     *
     * @param id the task.
     * @return {@link ControlOutcome#APPLIED} when it was paused (or initialized) and now runs; {@link
     *         ControlOutcome#REFUSED} when it is not; {@link ControlOutcome#NO_TASK} when this runtime has none of
     *         that id; {@link ControlOutcome#REQUESTED} (only on a shared store) when this runtime's lease is not held:
     *         nothing is written, the task's owner is to be asked ({@link ClusterTasks#resume}).
     */
    public ControlOutcome resume(final long id)
    {
        return transitions.resume(id);
    }

    /**
     * Cancel a task that has not ended; the step it may be running keeps none of its writes.
     *
     * @param id the task.
     * @return {@link ControlOutcome#APPLIED} when cancelled; {@link ControlOutcome#REFUSED} when it had ended; {@link
     *         ControlOutcome#NO_TASK} when this runtime has none of that id; {@link ControlOutcome#REQUESTED} (only on
     *         a shared store) when this runtime's lease is not held: nothing is written, the task's owner is to be
     *         asked ({@link ClusterTasks#cancel}).
     */
    public ControlOutcome cancel(final long id)
    {
        return transitions.cancel(id);
    }

    /** @return the language's side: register it in the interpreter's services as {@link TaskControl}. */
    public TaskControl control()
    {
        return control;
    }

    /** @return the task of an id, or null. */
    Task task(final long id)
    {
        return tasks.get(id);
    }

    private TaskInfo info(final Task task)
    {
        synchronized (task)
        {
            final String end = task.state == TaskState.DONE ? task.frameStore.get(Frames.RESULT)
                : task.state == TaskState.FAILED ? task.frameStore.get(Frames.ERROR) : null;
            return new TaskInfo(task.id, task.scope, task.frame, task.fn, task.state, task.pc,
                task.principal.name(), task.wait == null ? "" : Waits.encode(task.wait, task.dueMillis),
                end == null ? null : StoredValues.decode(end));
        }
    }

    /** Stop running steps and timers; the store keeps every task for the next start. */
    @Override
    public void close()
    {
        scheduler.close();
        leases.close(); // no commit here from now on; other runtimes on the store take the tasks over
    }

    Programs programs()
    {
        return programs;
    }

    Scheduler scheduler()
    {
        return scheduler;
    }

    Map<Long, Task> tasks()
    {
        return tasks;
    }

    /** End a task: {@link TaskTransitions#end}. Holds the monitor. */
    void end(final Task task, final TaskState state, final long pc, final Map<String, String> puts,
        final List<String> removes)
    {
        transitions.end(task, state, pc, puts, removes);
    }

    /** Remove a finished task with its frame: {@link TaskTransitions#remove}. */
    void remove(final Task task)
    {
        transitions.remove(task);
    }

    /** A wait ended: an event's payload (await) or null (sleep). Any thread: {@link TaskTransitions#wake}. */
    void wake(final Task task, final Value payload)
    {
        transitions.wake(task, payload);
    }

    private void stepDone(final Task task, final List<Value> values)
    {
        transitions.stepDone(task, values);
    }
}
