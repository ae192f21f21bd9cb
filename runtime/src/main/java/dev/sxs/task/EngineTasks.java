package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The engine's tasks as the leases see them: released through its task map and scheduler, claimed through
 * {@link Recovery}. Threading: as {@link LeasedTasks}.
 *
 * @param engine the engine.
 * @param root   the root store.
 */
record EngineTasks(TaskEngine engine, KvStore root) implements LeasedTasks
{
    @Override
    public void releaseAll()
    {
        for (final Task task : engine.tasks().values())
        {
            synchronized (task)
            {
                task.released = true;
                engine.scheduler().disarm(task);
            }
            engine.tasks().remove(task.id, task);
        }
    }

    @Override
    public void claim(final Predicate<KvStore> claim, final AtomicLong lastId)
    {
        new Recovery(engine, root).all(engine.tasks(), lastId, claim);
    }
}
