package dev.sxs.task;

import dev.sxs.events.Subscription;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.Value;
import dev.sxs.lang.task.Wait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run of one step: the writes it buffers for the frame (committed with the pc advance by
 * {@link Frames#commit}), the wait it ends with, whether the key commands currently reach the shared
 * scope ({@code core/task/shared}) and the depth of {@code core/task/call}s. Keys here are relative to the
 * task's frame.
 * <p>
 * Threading: confined to the processor thread running the step, except the await's fields, which its
 * subscription reads and writes under the task's monitor.
 */
final class Step
{
    final Task task;
    final KvStore frame;
    final KvStore shared;
    final TreeMap<String, String> puts = new TreeMap<>();
    final TreeSet<String> removed = new TreeSet<>();
    Wait wait;
    boolean sharedMode;
    int depth;
    /** The await's subscription, made when the await ran, so an event published before the commit counts. */
    Subscription listening;
    /** The first event heard before the step settled, or null (the task's monitor guards it). */
    Value heard;
    /** True once the step committed or was dropped (the task's monitor guards it). */
    boolean settled;
    /** True once the step committed (the task's monitor guards it). */
    boolean committed;

    /**
     * @param task   the task.
     * @param frame  the frame's committed keys.
     * @param shared the spawning scope's store.
     */
    Step(final Task task, final KvStore frame, final KvStore shared)
    {
        this.task = task;
        this.frame = frame;
        this.shared = shared;
    }

    /** @return the value a key has for this step: buffered, else committed. */
    String get(final String key)
    {
        final String v = puts.get(key);
        if (v != null)
        {
            return v;
        }
        return removed.contains(key) ? null : frame.get(key);
    }

    void put(final String key, final String value)
    {
        removed.remove(key);
        puts.put(key, value);
    }

    boolean remove(final String key)
    {
        final boolean existed = get(key) != null;
        puts.remove(key);
        if (existed)
        {
            removed.add(key);
        }
        return existed;
    }

    /**
     * Drop every key under a prefix: the pop of a child frame.
     *
     * @param prefix the child frame's prefix.
     */
    void removePrefix(final String prefix)
    {
        puts.subMap(prefix, true, prefix + Character.MAX_VALUE, true).clear();
        for (final String key : frame.keys(prefix, 0, Integer.MAX_VALUE))
        {
            removed.add(key);
        }
    }

    /**
     * @return the keys under a prefix as this step sees them, ascending, offset and limit applied.
     */
    List<String> keys(final String prefix, final long offset, final int limit)
    {
        final int slack = removed.subSet(prefix, true, prefix + Character.MAX_VALUE, true).size();
        final long want = Math.min(Integer.MAX_VALUE, offset + limit + (long)slack);
        final TreeSet<String> all = new TreeSet<>();
        for (final String key : frame.keys(prefix, 0, (int)want))
        {
            if (!removed.contains(key))
            {
                all.add(key);
            }
        }
        for (final Map.Entry<String, String> e : puts.tailMap(prefix, true).entrySet())
        {
            if (!e.getKey().startsWith(prefix))
            {
                break;
            }
            all.add(e.getKey());
        }
        final List<String> out = new ArrayList<>(Math.min(limit, all.size()));
        long skip = offset;
        for (final String key : all)
        {
            if (skip > 0)
            {
                skip--;
                continue;
            }
            if (out.size() == limit)
            {
                break;
            }
            out.add(key);
        }
        return out;
    }
}
