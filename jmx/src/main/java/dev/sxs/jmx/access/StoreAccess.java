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

    /** @return off-heap bytes the entries occupy. */
    long offHeapBytesUsed();

    /** @return off-heap bytes the store has mapped for its capacity. */
    long offHeapBytesMapped();

    /** @return the backing file, "" when in memory. */
    String file();

    /**
     * @param key the key (root scope).
     * @return the canonical printed value, or null when absent.
     */
    String get(String key);

    /**
     * Store a value given in sxs syntax.
     *
     * @param key   the key (root scope).
     * @param value the value in sxs syntax: exactly one form, read but not evaluated.
     * @throws IllegalArgumentException naming what was wrong with the value (a read error, not one form,
     *                                  an error literal).
     * @throws IllegalStateException    when the store is full.
     */
    void set(String key, String value);

    /**
     * Store text as a string value, whatever it contains.
     *
     * @param key  the key (root scope).
     * @param text the text.
     * @throws IllegalStateException when the store is full.
     */
    void setString(String key, String text);

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
