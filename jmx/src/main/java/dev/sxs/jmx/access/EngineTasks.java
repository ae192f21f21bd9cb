package dev.sxs.jmx.access;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.Printer;
import dev.sxs.task.ClusterTasks;
import dev.sxs.task.ControlOutcome;
import dev.sxs.task.TaskInfo;
import dev.sxs.task.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live {@link TaskAccess}: a runtime's {@link ClusterTasks}, across every scope, and its store for frames. On a
 * store several runtimes share ({@code backend=nats}) that is every task on the store, whichever runtime owns it (each
 * line names the owner), and a resume or cancel of another runtime's task is a request its owner applies.
 * Threading: thread-safe.
 */
public final class EngineTasks implements TaskAccess
{
    private static final int FRAME_KEYS = 1000;

    private final ClusterTasks tasks;
    private final KvStore root;

    /**
     * @param tasks the runtime's control of the tasks on its store.
     * @param root  the root store.
     */
    public EngineTasks(final ClusterTasks tasks, final KvStore root)
    {
        this.tasks = tasks;
        this.root = root;
    }

    @Override
    public List<String> counts()
    {
        final List<String> out = new ArrayList<>();
        for (final Map.Entry<TaskState, Long> count : tasks.counts().entrySet())
        {
            out.add(count.getKey().label() + " " + count.getValue());
        }
        return out;
    }

    @Override
    public List<String> list(final String state, final long offset, final int limit)
    {
        final boolean all = state == null || state.isBlank() || "all".equals(state.strip());
        final TaskState wanted = all ? null : TaskState.of(state.strip());
        if (!all && wanted == null)
        {
            throw new IllegalArgumentException("no state '" + state + "' (running, paused, waiting, initialized, done, "
                + "failed, cancelled or all)");
        }
        if (offset < 0 || limit < 0)
        {
            throw new IllegalArgumentException("offset and limit must be 0 or more");
        }
        final List<String> out = new ArrayList<>();
        for (final TaskInfo info : tasks.list(null, wanted, offset, limit))
        {
            out.add(line(info));
        }
        return out;
    }

    @Override
    public List<String> show(final long id)
    {
        final TaskInfo info = known(id);
        final List<String> out = new ArrayList<>();
        out.add(line(info));
        final KvStore frame = root.scoped(info.scope() + info.frame());
        for (final String key : HiddenKeys.visible(frame, "", 0, FRAME_KEYS))
        {
            final String value = frame.get(key);
            if (value != null)
            {
                out.add(key + " " + value);
            }
        }
        return out;
    }

    @Override
    public ControlOutcome resume(final long id)
    {
        return found(id, tasks.resume(id));
    }

    @Override
    public ControlOutcome cancel(final long id)
    {
        return found(id, tasks.cancel(id));
    }

    private TaskInfo known(final long id)
    {
        final TaskInfo info = tasks.info(id);
        if (info == null)
        {
            throw new IllegalArgumentException("no task " + id);
        }
        return info;
    }

    private static ControlOutcome found(final long id, final ControlOutcome outcome)
    {
        if (outcome == ControlOutcome.NO_TASK)
        {
            throw new IllegalArgumentException("no task " + id);
        }
        return outcome;
    }

    /** @return the task's line, with {@code owner OWNER} before the result on a shared store. */
    private String line(final TaskInfo info)
    {
        final String owner = tasks.owner(info.id());
        if (owner == null)
        {
            return info.line();
        }
        final TaskInfo bare = new TaskInfo(info.id(), info.scope(), info.frame(), info.fn(), info.state(), info.pc(),
            info.principal(), info.waits(), null);
        return bare.line() + " owner " + owner + (info.end() == null ? "" : " = " + Printer.print(info.end()));
    }
}
