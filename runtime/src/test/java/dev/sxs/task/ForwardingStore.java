package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.nio.file.Path;
import java.util.List;

/**
 * A store view that passes every call to another store and lets a subclass fail a write first
 * ({@link #beforeWrite}): the base of the task tests' failing stores. Threading: as the store it wraps.
 */
abstract class ForwardingStore implements KvStore
{
    private final KvStore store;

    ForwardingStore(final KvStore store)
    {
        this.store = store;
    }

    /**
     * Called before each write ({@code put}, {@code putIfAbsent}, {@code replace}, {@code remove}) reaches the
     * store; throw to fail it as a store call fails.
     *
     * @param key the key written.
     */
    abstract void beforeWrite(String key);

    @Override
    public String get(final String key)
    {
        return store.get(key);
    }

    @Override
    public void put(final String key, final String value)
    {
        beforeWrite(key);
        store.put(key, value);
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        beforeWrite(key);
        return store.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        beforeWrite(key);
        return store.replace(key, expected, value);
    }

    @Override
    public boolean remove(final String key)
    {
        beforeWrite(key);
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
