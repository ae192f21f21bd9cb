package dev.sxs.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.threads.Pauser;

/**
 * Chronicle Queue's cross-process write lock of a journal folder (the {@code chronicle.write.lock} entry of its
 * {@code metadata.cq4t}), held from the start of a record until its end. A write that fails half way (a full
 * disk faults inside the mapped write) can leave it held by this process; then no other appender, in this
 * JVM or another, can write to the folder while this JVM lives. Stateless; called under the journal's append
 * lock when no append is in progress, so a lock this process holds then is stale.
 */
final class QueueWriteLock
{
    private static final String LOCK_KEY = "chronicle.write.lock";

    private QueueWriteLock()
    {
    }

    /**
     * Release the folder's write lock when this process holds it.
     *
     * @param queue the journal's open queue.
     * @return true when it was held and is released now.
     */
    static boolean releaseIfHeld(final SingleChronicleQueue queue)
    {
        try (TableStoreWriteLock lock = new TableStoreWriteLock(queue.metaStore(), Pauser::balanced, 0L, LOCK_KEY))
        {
            if (lock.isLockedByCurrentProcess(QueueWriteLock::ignoreOwner))
            {
                lock.forceUnlock();
                return true;
            }
            return false;
        }
    }

    private static void ignoreOwner(final long pid)
    {
        // the owner's pid only matters when it is another process, and then the lock is left alone
    }
}
