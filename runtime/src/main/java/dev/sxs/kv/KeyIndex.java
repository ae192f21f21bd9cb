package dev.sxs.kv;

import java.util.List;

/**
 * An ordered set of keys, held as their UTF-8 bytes and ordered by unsigned byte comparison, that
 * serves prefix iteration beside an unordered store.
 * <p>
 * Threading: every method is safe to call from any number of threads. Callers serialise {@link #add}
 * and {@link #remove} of the same key (the store does it under its lock for that key); different keys
 * need no coordination. {@link #keys} is weakly consistent: it never returns a key twice, returns keys
 * in ascending order, and never misses a key that was present for the whole call.
 */
public interface KeyIndex
{
    /**
     * @param key the key's UTF-8 bytes; the index may keep a copy, never the array.
     * @return true when added, false when it was already present.
     */
    boolean add(byte[] key);

    /**
     * @param key the key's UTF-8 bytes.
     * @return true when removed, false when it was absent.
     */
    boolean remove(byte[] key);

    /**
     * @param key the key's UTF-8 bytes.
     * @return true when present.
     */
    boolean contains(byte[] key);

    /**
     * The keys starting with {@code prefix} in ascending unsigned byte order, skipping {@code offset},
     * at most {@code limit}.
     *
     * @param prefix the prefix's UTF-8 bytes; empty for all keys.
     * @param offset matching keys to skip, not negative.
     * @param limit  keys to return at most, not negative.
     * @return a new list owned by the caller.
     */
    List<String> keys(byte[] prefix, long offset, int limit);

    /**
     * @return the number of keys.
     */
    long size();
}
