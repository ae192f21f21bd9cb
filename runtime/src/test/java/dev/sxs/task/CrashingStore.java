package dev.sxs.task;

import dev.sxs.kv.KvStore;

/** A store view that fails every write after the first {@code writes}: a crash in the middle of a commit. */
final class CrashingStore extends ForwardingStore
{
    private int writes;

    CrashingStore(final KvStore store, final int writes)
    {
        super(store);
        this.writes = writes;
    }

    @Override
    void beforeWrite(final String key)
    {
        if (writes-- <= 0)
        {
            throw new IllegalStateException("crash");
        }
    }
}
