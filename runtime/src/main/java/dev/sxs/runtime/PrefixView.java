package dev.sxs.runtime;

import dev.sxs.kv.KvStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Interim scoped view (a hidden key prefix) until the store's own scoped view lands on main.
 */
final class PrefixView implements KvStore
{
    private final KvStore store;
    private final String prefix;

    PrefixView(final KvStore store, final String prefix)
    {
        this.store = store;
        this.prefix = prefix;
    }

    @Override
    public String get(final String key)
    {
        return store.get(prefix + key);
    }

    @Override
    public void put(final String key, final String value)
    {
        store.put(prefix + key, value);
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        return store.putIfAbsent(prefix + key, value);
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        return store.replace(prefix + key, expected, value);
    }

    @Override
    public boolean remove(final String key)
    {
        return store.remove(prefix + key);
    }

    @Override
    public boolean containsKey(final String key)
    {
        return store.containsKey(prefix + key);
    }

    @Override
    public List<String> keys(final String keyPrefix, final long offset, final int limit)
    {
        final List<String> keys = store.keys(prefix + keyPrefix, offset, limit);
        final List<String> out = new ArrayList<>(keys.size());
        for (final String k : keys)
        {
            out.add(k.substring(prefix.length()));
        }
        return out;
    }

    @Override
    public long size()
    {
        return store.keys(prefix, 0, Integer.MAX_VALUE).size();
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
    }
}
