package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Task ids ({@link TaskLeases}): from memory on a store no other runtime opens; else from the counter
 * {@link TaskLeases#NEXT_ID} in the store, moved with a compare-and-set, so no two runtimes on one store hand out
 * the same id, and set above every id already stored when a runtime starts.
 * <p>
 * Threading: thread-safe. Failure: store exceptions pass.
 */
final class TaskIds
{
    private static final String KEY = TaskLeases.NEXT_ID;

    private final KvStore root;
    private final boolean shared;

    /**
     * @param root   the root store.
     * @param shared true when other runtimes may open the store.
     */
    TaskIds(final KvStore root, final boolean shared)
    {
        this.root = root;
        this.shared = shared;
    }

    /**
     * @param ids the engine's last id (raised to the id given).
     * @return a new task id: from memory on an unshared store, else from the store's counter (unique across
     *         every runtime on it).
     */
    long next(final AtomicLong ids)
    {
        if (!shared)
        {
            return ids.incrementAndGet();
        }
        while (true)
        {
            final String last = root.get(KEY);
            final long next = (last == null ? 0 : Long.parseLong(last)) + 1;
            final String text = Long.toString(next);
            if (last == null ? root.putIfAbsent(KEY, text) : root.replace(KEY, last, text))
            {
                ids.accumulateAndGet(next, Math::max);
                return next;
            }
        }
    }

    /**
     * Set the counter to at least {@code max} (tasks made before it existed keep their ids).
     *
     * @param max the highest task id in the store; 0 when there is none (the counter then starts with the first
     *            spawn).
     */
    void raise(final long max)
    {
        if (max == 0)
        {
            return;
        }
        for (String last = root.get(KEY); last == null || Long.parseLong(last) < max;
            last = root.get(KEY))
        {
            final String text = Long.toString(max);
            if (last == null ? root.putIfAbsent(KEY, text) : root.replace(KEY, last, text))
            {
                return;
            }
        }
    }
}
