package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import java.util.Arrays;
import java.util.List;

/**
 * The tasks as the store holds them, whichever runtime owns them ({@link ClusterTasks}): the task index (the root
 * keys {@code "\0task:" + ID}, listed in the store's key order, which on {@code backend=nats} is the local index fed
 * by the bucket's watch) and each task's frame (read key by key from the store, on {@code backend=nats} the latest
 * values the cluster acknowledged). A frame is read one key at a time, so a read during another runtime's commit may
 * see some of that commit's keys and not others (the redo record makes the commit whole in the store, not in a
 * reader's view).
 * <p>
 * Threading: stateless beyond the store; any thread. Allocation: a management path (one store read per key).
 * Failure: store exceptions pass.
 */
final class StoredTasks
{
    private static final int PAGE = 1024;

    /**
     * Where a task's frame is.
     *
     * @param scope the spawning scope.
     * @param frame the frame's prefix in it.
     */
    record Where(String scope, String frame)
    {
    }

    private final KvStore root;

    /** @param root the root store. */
    StoredTasks(final KvStore root)
    {
        this.root = root;
    }

    /** @return the id of every task in the index, ascending. */
    long[] ids()
    {
        long[] ids = new long[64];
        int n = 0;
        long position = 0;
        List<String> keys = root.keys(HiddenKeys.TASKS, 0, PAGE);
        while (!keys.isEmpty())
        {
            for (final String key : keys)
            {
                final long id = idOf(key);
                if (id >= 0)
                {
                    if (n == ids.length)
                    {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = id;
                }
            }
            position += keys.size();
            keys = keys.size() < PAGE ? List.of() : root.keys(HiddenKeys.TASKS, position, PAGE);
        }
        Arrays.sort(ids, 0, n); // the store orders "\0task:10" before "\0task:9"
        int distinct = 0;
        for (int i = 0; i < n; i++)
        {
            if (distinct == 0 || ids[distinct - 1] != ids[i])
            {
                ids[distinct++] = ids[i]; // a page read while tasks come and go may repeat a key
            }
        }
        return Arrays.copyOf(ids, distinct);
    }

    /**
     * @param id a task id.
     * @return where its frame is, or null when the index has no such task.
     */
    Where where(final long id)
    {
        final String where = root.get(HiddenKeys.TASKS + id);
        final int nl = where == null ? -1 : where.indexOf('\n');
        return nl < 0 ? null : new Where(where.substring(0, nl), where.substring(nl + 1));
    }

    /**
     * @param where a task's frame.
     * @return its state, or null when the frame holds none (removed meanwhile, say).
     */
    TaskState state(final Where where)
    {
        final String text = frame(where).get(Frames.STATE);
        final Value value = text == null ? null : StoredValues.decode(text);
        return value instanceof StrValue s ? TaskState.of(s.text()) : null;
    }

    /**
     * @param where a task's frame.
     * @return the id of the runtime that owns it, or null when none is named.
     */
    String owner(final Where where)
    {
        return frame(where).get(TaskLeases.OWNER);
    }

    /**
     * @param id    the task's id.
     * @param where its frame.
     * @return what the frame says of it, or null when the frame is incomplete (removed meanwhile, say).
     */
    TaskInfo info(final long id, final Where where)
    {
        final KvStore frame = frame(where);
        final TaskState state = state(where);
        final String pc = frame.get(Frames.PC);
        final FrameHeader header = FrameHeader.read(frame);
        if (state == null || pc == null || header == null)
        {
            return null;
        }
        final String waits = frame.get(Frames.WAIT);
        final String end = state == TaskState.DONE ? frame.get(Frames.RESULT)
            : state == TaskState.FAILED ? frame.get(Frames.ERROR) : null;
        return new TaskInfo(id, where.scope(), where.frame(), header.fn(), state, Long.parseLong(pc),
            header.principal(), waits == null ? "" : waits, end == null ? null : StoredValues.decode(end));
    }

    private KvStore frame(final Where where)
    {
        return root.scoped(where.scope() + where.frame());
    }

    /** @return the id of a task index key, or -1 for another key under the prefix (the leases', the requests'). */
    private static long idOf(final String indexKey)
    {
        if (indexKey.length() == HiddenKeys.TASKS.length())
        {
            return -1;
        }
        for (int i = HiddenKeys.TASKS.length(); i < indexKey.length(); i++)
        {
            if (indexKey.charAt(i) < '0' || indexKey.charAt(i) > '9')
            {
                return -1;
            }
        }
        try
        {
            return Long.parseLong(indexKey, HiddenKeys.TASKS.length(), indexKey.length(), 10);
        }
        catch (final NumberFormatException tooLong)
        {
            return -1;
        }
    }
}
