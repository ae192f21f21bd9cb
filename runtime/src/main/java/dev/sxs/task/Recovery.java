package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.lang.task.Wait;
import dev.sxs.session.Origin;
import dev.sxs.session.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Brings the tasks of a store back at start: re-applies a redo record left by a crash, then by the
 * committed state: a running task continues at its pc (a resume cut short between its state change and
 * its pc advance is completed), a waiting one waits again (its await subscribed anew, its sleep due at the
 * stored time), a paused one stays paused, a finished one is removed when its retention ends.
 * <p>
 * On a store several runtimes share, only the tasks the leases let this runtime take ({@link TaskLeases}).
 * <p>
 * Threading: at start, before any step runs; on a shared store also on the lease thread, for the tasks of a
 * runtime that died, while this runtime's own tasks run (those it skips).
 */
final class Recovery
{
    private static final int SCAN_PAGE = 1024;

    private final TaskEngine engine;
    private final KvStore root;

    Recovery(final TaskEngine engine, final KvStore root)
    {
        this.engine = engine;
        this.root = root;
    }

    /**
     * Load and set going every task of the root index that the map does not hold and {@code claim} accepts.
     *
     * @param tasks  where the tasks go, by id.
     * @param lastId raised to the highest id found.
     * @param claim  given a task's frame before anything of it is read or written (its redo record included):
     *               true to take the task ({@link TaskLeases}; always true on an unshared store).
     */
    void all(final Map<Long, Task> tasks, final AtomicLong lastId, final Predicate<KvStore> claim)
    {
        // the whole index first, the tasks set going after: a running step adds and removes frame keys,
        // which would move the pages of a scan by offset under it
        final List<Task> loaded = new ArrayList<>();
        long position = 0;
        List<String> keys = root.keys(HiddenKeys.TASKS, 0, SCAN_PAGE);
        while (!keys.isEmpty())
        {
            for (final String key : keys)
            {
                final long id = idOf(key);
                if (id < 0 || tasks.containsKey(id))
                {
                    continue; // the leases' keys, or a task this runtime has
                }
                lastId.accumulateAndGet(id, Math::max);
                final Task task = load(key, id, claim);
                if (task != null && tasks.putIfAbsent(task.id, task) == null)
                {
                    loaded.add(task);
                }
            }
            position += keys.size();
            keys = keys.size() < SCAN_PAGE ? List.of() : root.keys(HiddenKeys.TASKS, position, SCAN_PAGE);
        }
        for (final Task task : loaded)
        {
            resume(task);
        }
    }

    /** @return the id of a task index key, or -1 for another key under the prefix. */
    private static long idOf(final String indexKey)
    {
        try
        {
            return Long.parseLong(indexKey, HiddenKeys.TASKS.length(), indexKey.length(), 10);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    /**
     * @param indexKey a root key {@code "\0task:" + ID}.
     * @param id       its id.
     * @param claim    whether to take the task, given its frame.
     * @return the task, or null when not taken or its index entry or frame is unreadable.
     */
    Task load(final String indexKey, final long id, final Predicate<KvStore> claim)
    {
        final String where = root.get(indexKey);
        final int nl = where == null ? -1 : where.indexOf('\n');
        if (nl < 0)
        {
            return null;
        }
        final String scope = where.substring(0, nl);
        final String frame = where.substring(nl + 1);
        final KvStore f = root.scoped(scope + frame);
        if (!claim.test(f))
        {
            return null;
        }
        Frames.recover(f);
        final FrameHeader header = header(f);
        final Value state = decode(f.get(Frames.STATE));
        final String pc = f.get(Frames.PC);
        final Program program = header == null ? null : engine.programs().of(header.text());
        if (program == null || !(state instanceof StrValue s) || TaskState.of(s.text()) == null || pc == null)
        {
            return null;
        }
        final Task task = new Task(id, scope, frame, header.fn(), program,
            new Principal(Origin.TASK, header.principal()), root);
        task.state = TaskState.of(s.text());
        task.pc = Long.parseLong(pc);
        final String wait = f.get(Frames.WAIT);
        task.wait = wait == null ? null : Waits.decode(wait);
        task.endedMillis = header.endedMillis();
        return task;
    }

    /** @param task a loaded task: set it going again by its state. */
    void resume(final Task task)
    {
        synchronized (task)
        {
            switch (task.state)
            {
                case RUNNING ->
                {
                    if (task.wait != null)
                    {
                        // a resume changed the state and stopped before its pc advance: finish it
                        Frames.commit(task.frameStore, task.pc + 1, Map.of(), List.of(Frames.WAIT));
                        task.pc++;
                        task.wait = null;
                    }
                    engine.scheduler().enqueue(task);
                }
                case WAITING ->
                {
                    if (task.wait != null && task.wait.kind() == Wait.Kind.SLEEP)
                    {
                        task.dueMillis = task.wait.millis();
                    }
                    engine.scheduler().arm(task, payload -> engine.wake(task, payload));
                }
                case DONE, FAILED, CANCELLED -> engine.scheduler().at(() -> engine.remove(task),
                    task.endedMillis + engine.options().retentionMillis());
                default ->
                {
                    // initialized and paused tasks wait for core/task/resume
                }
            }
        }
    }

    /** @return the frame's header, of either layout ({@link FrameHeader#before}), or null when unreadable. */
    private static FrameHeader header(final KvStore frame)
    {
        final String code = frame.get(Frames.CODE);
        final FrameHeader header = FrameHeader.decode(code);
        return header != null ? header
            : FrameHeader.before(code, frame.get(FrameHeader.META_BEFORE), frame.get(FrameHeader.ENDED_BEFORE));
    }

    private static Value decode(final String text)
    {
        return text == null ? null : StoredValues.decode(text);
    }
}
