package dev.sxs.jmx.access;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.task.TaskEngine;
import dev.sxs.task.TaskInfo;
import dev.sxs.task.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * The live {@link TaskAccess}: a runtime's {@link TaskEngine}, across every scope, and its store for frames.
 * Threading: thread-safe.
 */
public final class EngineTasks implements TaskAccess
{
    private static final int FRAME_KEYS = 1000;

    private final TaskEngine engine;
    private final KvStore root;

    /**
     * @param engine the runtime's task engine.
     * @param root   the root store.
     */
    public EngineTasks(final TaskEngine engine, final KvStore root)
    {
        this.engine = engine;
        this.root = root;
    }

    @Override
    public List<String> counts()
    {
        final List<String> out = new ArrayList<>();
        for (final TaskState state : TaskState.values())
        {
            out.add(state.label() + " " + engine.count(state));
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
        for (final TaskInfo info : engine.list(null, wanted, offset, limit))
        {
            out.add(info.line());
        }
        return out;
    }

    @Override
    public List<String> show(final long id)
    {
        final TaskInfo info = known(id);
        final List<String> out = new ArrayList<>();
        out.add(info.line());
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
    public boolean resume(final long id)
    {
        known(id);
        return engine.resume(id);
    }

    @Override
    public boolean cancel(final long id)
    {
        known(id);
        return engine.cancel(id);
    }

    private TaskInfo known(final long id)
    {
        final TaskInfo info = engine.info(id);
        if (info == null)
        {
            throw new IllegalArgumentException("no task " + id);
        }
        return info;
    }
}
