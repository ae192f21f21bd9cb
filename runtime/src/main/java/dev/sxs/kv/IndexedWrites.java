package dev.sxs.kv;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

/**
 * The mutations of a {@link ChronicleKvStore} that may add or remove a key: each takes the Chronicle segment's
 * update lock of its key and, when it adds or removes the key, records the change in the index's pending log
 * ({@link WriteBehindKeyIndex#record}) before it releases that lock, so for any one key the changes reach the index
 * in the order they happened to the map. A change of the value alone does not touch the index.
 * <p>
 * Threading: any number of threads; the segment lock orders the writers of one key. Allocation: Chronicle's query
 * context (thread-local, reused) and one pending change per added or removed key. Failure: what Chronicle throws
 * ({@link IllegalStateException}, {@link IllegalArgumentException} when the entry does not fit), which the store
 * turns into its own errors; nothing is recorded for a mutation that failed.
 */
final class IndexedWrites
{
    private IndexedWrites()
    {
    }

    /**
     * Set the key's value, recording the key as added when it was absent.
     *
     * @param map   the store's map.
     * @param index the store's key index.
     * @param key   the key.
     * @param value the value.
     */
    static void put(final ChronicleMap<String, String> map, final WriteBehindKeyIndex index, final String key,
        final String value)
    {
        try (ExternalMapQueryContext<String, String, ?> c = map.queryContext(key))
        {
            c.updateLock().lock();
            final MapEntry<String, String> entry = c.entry();
            if (entry != null)
            {
                c.replaceValue(entry, c.wrapValueAsData(value));
            }
            else
            {
                c.insert(c.absentEntry(), c.wrapValueAsData(value));
                index.record(key, true);
            }
        }
    }

    /**
     * Insert the key with its value when it is absent, recording it as added.
     *
     * @param map   the store's map.
     * @param index the store's key index.
     * @param key   the key.
     * @param value the value.
     * @return true when inserted, false when the key was present (nothing changed).
     */
    static boolean putIfAbsent(final ChronicleMap<String, String> map, final WriteBehindKeyIndex index,
        final String key, final String value)
    {
        try (ExternalMapQueryContext<String, String, ?> c = map.queryContext(key))
        {
            c.updateLock().lock();
            if (c.entry() != null)
            {
                return false;
            }
            c.insert(c.absentEntry(), c.wrapValueAsData(value));
            index.record(key, true);
            return true;
        }
    }

    /**
     * Remove the key, recording it as removed when it was present.
     *
     * @param map   the store's map.
     * @param index the store's key index.
     * @param key   the key.
     * @return true when removed, false when it was absent.
     */
    static boolean remove(final ChronicleMap<String, String> map, final WriteBehindKeyIndex index, final String key)
    {
        try (ExternalMapQueryContext<String, String, ?> c = map.queryContext(key))
        {
            c.updateLock().lock();
            final MapEntry<String, String> entry = c.entry();
            if (entry == null)
            {
                return false;
            }
            c.remove(entry);
            index.record(key, false);
            return true;
        }
    }
}
