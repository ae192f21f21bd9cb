package dev.sxs.task;

import dev.sxs.kv.KvStore;

/**
 * A store whose owners' heartbeats ({@link TaskLeases#OWNERS}) stop answering while {@link #stall} is on: each
 * write of them (a renewal is a {@code replace}) fails as a store call that timed out does, so this runtime's lease
 * lapses and nothing else happens (no other runtime declares it dead: it is not released). Everything else passes
 * through. Threading: as the store.
 */
final class StallingStore extends ForwardingStore
{
    private volatile boolean stalled;

    StallingStore(final KvStore store)
    {
        super(store);
    }

    /** @param on true: the renewals fail from now on; false: they pass again. */
    void stall(final boolean on)
    {
        stalled = on;
    }

    @Override
    void beforeWrite(final String key)
    {
        if (stalled && key.startsWith(TaskLeases.OWNERS))
        {
            throw new IllegalStateException("the store did not answer in time");
        }
    }
}
