package dev.sxs.jmx.access;

import java.util.List;

/**
 * What the {@code type=Store} MBean and the store metrics need. Threading: any thread.
 */
public interface StoreAccess
{
    /** @return number of entries. */
    long entries();

    /** @return configured maximum number of entries. */
    long capacity();

    /** @return off-heap bytes used. */
    long offHeapBytes();

    /** @return the backing file, "" when in memory. */
    String file();

    /**
     * @param key the key (root scope).
     * @return the canonical printed value, or null when absent.
     */
    String get(String key);

    /**
     * @param key   the key (root scope).
     * @param value the value in sxs syntax: exactly one form, read but not evaluated.
     * @return the printed result: {@code true}, or an error value naming what was wrong (a read error,
     *         not one form, a full store). Never throws for bad input.
     */
    String set(String key, String value);

    /**
     * @param key the key.
     * @return true when a key was removed.
     */
    boolean delete(String key);

    /**
     * @param prefix key prefix, "" for all.
     * @param offset matching keys to skip.
     * @param limit  most keys to return.
     * @return the keys in ascending byte order.
     */
    List<String> keys(String prefix, long offset, int limit);
}
