package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.nio.file.Path;
import java.util.List;

/**
 * A store whose owners' heartbeats ({@link TaskLeases#OWNERS}) stop answering while {@link #stall} is on: each
 * renewal fails as a store call that timed out does, so this runtime's lease lapses and nothing else happens (no
 * other runtime declares it dead: it is not released). Everything else passes through. Threading: as the store.
 */
final class StallingStore implements KvStore
{
    private final KvStore store;
    private volatile boolean stalled;

    StallingStore(final KvStore store)
    {
        this.store = store;
    }

    /** @param on true: the renewals fail from now on; false: they pass again. */
    void stall(final boolean on)
    {
        stalled = on;
    }

    @Override
    public String get(final String key)
    {
        return store.get(key);
    }

    @Override
    public void put(final String key, final String value)
    {
        store.put(key, value);
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        return store.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        if (stalled && key.startsWith(TaskLeases.OWNERS))
        {
            throw new IllegalStateException("the store did not answer in time");
        }
        return store.replace(key, expected, value);
    }

    @Override
    public boolean remove(final String key)
    {
        return store.remove(key);
    }

    @Override
    public boolean containsKey(final String key)
    {
        return store.containsKey(key);
    }

    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        return store.keys(prefix, offset, limit);
    }

    @Override
    public long size()
    {
        return store.size();
    }

    @Override
    public long capacity()
    {
        return store.capacity();
    }

    @Override
    public long offHeapBytes()
    {
        return store.offHeapBytes();
    }

    @Override
    public Path file()
    {
        return store.file();
    }

    @Override
    public void close()
    {
        store.close();
    }
}
