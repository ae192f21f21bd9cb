package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.nio.file.Path;
import java.util.List;

/** A store view that fails every write after the first {@code writes}: a crash in the middle of a commit. */
final class CrashingStore implements KvStore
{
    private final KvStore store;
    private int writes;

    CrashingStore(final KvStore store, final int writes)
    {
        this.store = store;
        this.writes = writes;
    }

    private void write()
    {
        if (writes-- <= 0)
        {
            throw new IllegalStateException("crash");
        }
    }

    @Override
    public String get(final String key)
    {
        return store.get(key);
    }

    @Override
    public void put(final String key, final String value)
    {
        write();
        store.put(key, value);
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        write();
        return store.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        write();
        return store.replace(key, expected, value);
    }

    @Override
    public boolean remove(final String key)
    {
        write();
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
