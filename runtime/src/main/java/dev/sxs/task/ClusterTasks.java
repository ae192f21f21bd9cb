package dev.sxs.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.task.TaskControl;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks of every runtime on the store, as control sees them: {@code core/task/status|resume|cancel|list}, the
 * {@code Tasks} MBean and {@code sxs task}. On a store several runtimes share ({@code backend=nats}), a task this
 * runtime owns is read from its engine, another runtime's from the store (its frame, acknowledged by the cluster),
 * and the task index is listed from the store's key order (on {@code backend=nats} the local index, which lists other
 * runtimes' new tasks within the bound of docs/scale-out.md); a resume or cancel of another runtime's task is a
 * request in the store that its owner applies ({@link ControlRequests}). On a store no other runtime opens, every
 * call is the engine's own, as before.
 * <p>
 * Threading: thread-safe. Allocation: a management path; on a shared store, store reads per task of another runtime
 * (two per task a list looks at, about six per task described). Failure: store exceptions pass (the language turns
 * them into error values, JMX into exceptions).
 */
public final class ClusterTasks implements AutoCloseable
{
    private final TaskEngine engine;
    private final StoredTasks stored;
    private final ControlRequests requests;
    private final TaskControl control;

    private ClusterTasks(final TaskEngine engine, final KvStore root, final boolean shared)
    {
        this.engine = engine;
        this.stored = new StoredTasks(root);
        this.requests = shared ? new ControlRequests(engine, root) : null;
        this.control = shared ? new ClusterLanguageTasks(engine.control(), this) : engine.control();
    }

    /**
     * @param engine  the runtime's task engine.
     * @param root    the root store.
     * @param shared  true when other runtimes open the same store ({@link TaskLeaseOptions#shared()}); then this
     *                runtime applies the requests for its tasks on the thread {@code sxs-task-control-N}.
     * @param threads the runtime's thread factory.
     * @return the control of the tasks; register its {@link #control()} as the interpreter's {@link TaskControl}, and
     *         close it before the engine.
     */
    public static ClusterTasks open(final TaskEngine engine, final KvStore root, final boolean shared,
        final SxsThreadFactory threads)
    {
        final ClusterTasks tasks = new ClusterTasks(engine, root, shared);
        if (tasks.requests != null)
        {
            tasks.requests.start(threads);
        }
        return tasks;
    }

    /** @return the language's side: the engine's own, with status, resume, cancel and list across the store. */
    public TaskControl control()
    {
        return control;
    }

    /** @return true when other runtimes share the store (tasks have owners). */
    public boolean shared()
    {
        return requests != null;
    }

    /**
     * @param id a task id.
     * @return what the task is, whichever runtime owns it, or null when there is none.
     */
    public TaskInfo info(final long id)
    {
        final TaskInfo local = engine.info(id);
        if (local != null || requests == null)
        {
            return local;
        }
        final StoredTasks.Where where = stored.where(id);
        return where == null ? null : stored.info(id, where);
    }

    /**
     * @param id a task id.
     * @return the scope that spawned it, or null when there is no such task.
     */
    String scope(final long id)
    {
        final TaskInfo local = engine.info(id);
        final StoredTasks.Where where = local != null || requests == null ? null : stored.where(id);
        return local != null ? local.scope() : where == null ? null : where.scope();
    }

    /**
     * @param id a task id.
     * @return the id of the runtime that owns it ({@code PID-UUID}), or null on an unshared store or when there is no
     *         such task.
     */
    public String owner(final long id)
    {
        if (requests == null)
        {
            return null;
        }
        final String mine = engine.leases.owner();
        if (mine != null && engine.info(id) != null)
        {
            return mine;
        }
        final StoredTasks.Where where = stored.where(id);
        return where == null ? null : stored.owner(where);
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
        if (requests == null)
        {
            return engine.list(scope, state, offset, limit);
        }
        final List<TaskInfo> out = new ArrayList<>();
        for (final long id : ids(scope, state, offset, limit))
        {
            final TaskInfo info = info(id);
            if (info != null)
            {
                out.add(info);
            }
        }
        return out;
    }

    /**
     * @param scope  a scope, or null for every scope.
     * @param state  a state, or null for every state.
     * @param offset tasks to skip.
     * @param limit  tasks at most.
     * @return the ids of those tasks, ascending.
     */
    List<Long> ids(final String scope, final TaskState state, final long offset, final int limit)
    {
        final List<Long> out = new ArrayList<>();
        long skip = offset;
        for (final long id : stored.ids())
        {
            if (out.size() >= limit)
            {
                break;
            }
            if (matches(id, scope, state))
            {
                if (skip > 0)
                {
                    skip--;
                }
                else
                {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /**
     * @param state a state.
     * @return how many tasks are in it, across the store on a shared store (a store read per other runtime's task).
     */
    public long count(final TaskState state)
    {
        return requests == null ? engine.count(state) : counts().get(state);
    }

    /**
     * @return how many tasks are in each state (every state present), across the store on a shared store: one pass,
     *         a store read per other runtime's task.
     */
    public Map<TaskState, Long> counts()
    {
        final Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
        for (final TaskState state : TaskState.values())
        {
            counts.put(state, requests == null ? engine.count(state) : 0L);
        }
        if (requests != null)
        {
            for (final long id : stored.ids())
            {
                final TaskInfo local = engine.info(id);
                final StoredTasks.Where where = local == null ? stored.where(id) : null;
                final TaskState state = local != null ? local.state() : where == null ? null : stored.state(where);
                if (state != null)
                {
                    counts.merge(state, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Resume a paused (or initialized) task: at once when this runtime owns it and holds its lease, else by a request
     * its owner applies (this runtime once its lease is back, or the runtime that takes the task over).
     *
     * @param id the task.
     * @return {@link ControlOutcome#APPLIED}, {@link ControlOutcome#REQUESTED}, {@link ControlOutcome#REFUSED} when it
     *         is not paused or initialized, or {@link ControlOutcome#NO_TASK}.
     */
    public ControlOutcome resume(final long id)
    {
        final ControlOutcome here = engine.resume(id);
        if (here == ControlOutcome.APPLIED || here == ControlOutcome.REFUSED || requests == null)
        {
            return here;
        }
        // another runtime's task, or this one's while its lease is not held (REQUESTED): nothing was written here
        final TaskInfo info = info(id);
        if (info == null)
        {
            return ControlOutcome.NO_TASK;
        }
        if (info.state() != TaskState.PAUSED && info.state() != TaskState.INITIALIZED)
        {
            return ControlOutcome.REFUSED;
        }
        requests.resume(id, info.state(), info.pc());
        return ControlOutcome.REQUESTED;
    }

    /**
     * Cancel a task that has not ended: at once when this runtime owns it and holds its lease, else by a request its
     * owner applies (this runtime once its lease is back, or the runtime that takes the task over).
     *
     * @param id the task.
     * @return {@link ControlOutcome#APPLIED}, {@link ControlOutcome#REQUESTED}, {@link ControlOutcome#REFUSED} when it
     *         has ended, or {@link ControlOutcome#NO_TASK}.
     */
    public ControlOutcome cancel(final long id)
    {
        final ControlOutcome here = engine.cancel(id);
        if (here == ControlOutcome.APPLIED || here == ControlOutcome.REFUSED || requests == null)
        {
            return here;
        }
        // another runtime's task, or this one's while its lease is not held (REQUESTED): nothing was written here
        final TaskInfo local = engine.info(id);
        final StoredTasks.Where where = local == null ? stored.where(id) : null;
        final TaskState state = local != null ? local.state() : where == null ? null : stored.state(where);
        if (state == null)
        {
            return ControlOutcome.NO_TASK;
        }
        if (state.ended())
        {
            return ControlOutcome.REFUSED;
        }
        requests.cancel(id);
        return ControlOutcome.REQUESTED;
    }

    /** Stop applying requests (those not applied stay in the store for the runtime that takes the tasks over). */
    @Override
    public void close()
    {
        if (requests != null)
        {
            requests.close();
        }
    }

    /** @return true when the task is in the scope and state (null for any): the engine's, else the store's view. */
    private boolean matches(final long id, final String scope, final TaskState state)
    {
        final TaskInfo local = engine.info(id);
        if (local != null)
        {
            return (scope == null || scope.equals(local.scope())) && (state == null || state == local.state());
        }
        final StoredTasks.Where where = scope == null && state == null ? null : stored.where(id);
        if (where == null)
        {
            return scope == null && state == null;
        }
        return (scope == null || scope.equals(where.scope())) && (state == null || state == stored.state(where));
    }
}
