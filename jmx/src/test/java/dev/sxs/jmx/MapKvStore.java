package dev.sxs.jmx;

import dev.sxs.kv.KvStore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** A plain sorted in-memory {@link KvStore} for tests. */
public final class MapKvStore implements KvStore
{
    private final ConcurrentSkipListMap<String, String> map = new ConcurrentSkipListMap<>();

    @Override
    public String get(final String key)
    {
        return map.get(key);
    }

    @Override
    public void put(final String key, final String value)
    {
        map.put(key, value);
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        return map.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        return map.replace(key, expected, value);
    }

    @Override
    public boolean remove(final String key)
    {
        return map.remove(key) != null;
    }

    @Override
    public boolean containsKey(final String key)
    {
        return map.containsKey(key);
    }

    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        return map.tailMap(prefix).keySet().stream().takeWhile(k -> k.startsWith(prefix)).skip(offset).limit(limit)
            .toList();
    }

    @Override
    public long size()
    {
        return map.size();
    }

    @Override
    public long capacity()
    {
        return 1_000_000;
    }

    @Override
    public long offHeapBytes()
    {
        return 0;
    }

    @Override
    public Path file()
    {
        return null;
    }

    @Override
    public void close()
    {
    }
}
