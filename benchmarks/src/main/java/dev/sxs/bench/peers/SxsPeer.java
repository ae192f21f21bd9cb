package dev.sxs.bench.peers;

import java.nio.file.Path;
import java.util.List;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;

/**
 * sxs's {@link ChronicleKvStore} persisted in the folder, sized {@code entries, keyBytes=17, valueBytes=8}: no
 * sync per write (a returned write survives the death of the process, not of the machine; see docs/store.md).
 * CAS is {@code replace(k, expected, value)}; a prefix read is {@code keys(prefix, 0, limit)} from the ordered
 * index; reopen reads the index file written by the clean close.
 */
final class SxsPeer implements PeerStore
{
    private final KvOptions options;
    private ChronicleKvStore store;

    SxsPeer(final Path folder, final long entries)
    {
        this.options = new KvOptions(folder, entries, 17, 8);
        this.store = ChronicleKvStore.open(options);
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
    public void remove(final String key)
    {
        store.remove(key);
    }

    @Override
    public boolean cas(final String key, final String expected, final String value)
    {
        return store.replace(key, expected, value);
    }

    @Override
    public List<String> prefix(final String prefix, final int limit)
    {
        return store.keys(prefix, 0, limit);
    }

    @Override
    public long reopen()
    {
        store.close();
        final long start = System.nanoTime();
        store = ChronicleKvStore.open(options);
        return System.nanoTime() - start;
    }

    @Override
    public void close()
    {
        store.close();
    }
}
