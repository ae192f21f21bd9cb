package dev.sxs.lang;

import dev.sxs.kv.KvStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only in-memory store (interim until the Chronicle store is on main).
 */
final class MemoryKvStore implements KvStore
{
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

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
        final List<String> all = new ArrayList<>();
        for (final String k : map.keySet())
        {
            if (k.startsWith(prefix))
            {
                all.add(k);
            }
        }
        all.sort(Comparator.comparing((String k) -> k.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        final int from = (int)Math.min(offset, all.size());
        final int to = (int)Math.min((long)from + limit, all.size());
        return new ArrayList<>(all.subList(from, to));
    }

    @Override
    public long size()
    {
        return map.size();
    }

    @Override
    public long capacity()
    {
        return Long.MAX_VALUE;
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
