package dev.sxs.bench.jmx;

import dev.sxs.kv.KvStore;

import java.nio.file.Path;
import java.util.List;

/** A store with nothing in it, for the gauges of benchmarks that do not touch the store. */
final class EmptyStore implements KvStore
{
    @Override
    public String get(final String key)
    {
        return null;
    }

    @Override
    public void put(final String key, final String value)
    {
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        return false;
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        return false;
    }

    @Override
    public boolean remove(final String key)
    {
        return false;
    }

    @Override
    public boolean containsKey(final String key)
    {
        return false;
    }

    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        return List.of();
    }

    @Override
    public long size()
    {
        return 0;
    }

    @Override
    public long capacity()
    {
        return 0;
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
