package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What {@link TaskLeases} act on: a runtime's tasks ({@link EngineTasks}; a recording fake in the lease rule's
 * tests). Threading: called from the lease thread, or at start from the starting thread.
 */
interface LeasedTasks
{
    /** Stop running every task of this runtime (each under its monitor: no commit after) and forget them. */
    void releaseAll();

    /**
     * Load and set going every task of the store this runtime does not have and {@code claim} accepts.
     *
     * @param claim  given a task's frame before anything of it is read or written; true to take it.
     * @param lastId raised to the highest task id in the store.
     */
    void claim(Predicate<KvStore> claim, AtomicLong lastId);
}
