package dev.sxs.bench.peers;

import java.util.List;

/**
 * One embedded key/value store as the peer benchmark drives it: String keys and values (encoded as UTF-8 by
 * stores of bytes), every write a separate operation with the store's durability setting, and a way to reopen.
 * <p>
 * Threading: one benchmark thread. Failure: a store's own exceptions, wrapped unchecked.
 */
public interface PeerStore extends AutoCloseable
{
    /**
     * @param key the key.
     * @return its value, or null.
     */
    String get(String key);

    /**
     * Insert or overwrite.
     *
     * @param key   the key.
     * @param value the value.
     */
    void put(String key, String value);

    /**
     * @param key the key.
     */
    void remove(String key);

    /**
     * Replace the value only when it is {@code expected}: the store's own atomic compare-and-set, or a
     * transaction (read, compare, write, commit) where it has none (the class comment says which).
     *
     * @param key      the key.
     * @param expected the value it must have.
     * @param value    the new value.
     * @return true when replaced.
     */
    boolean cas(String key, String expected, String value);

    /**
     * @param prefix the prefix.
     * @param limit  keys to return at most.
     * @return the first keys with that prefix in the store's order (a sorted full scan for unordered stores).
     */
    List<String> prefix(String prefix, int limit);

    /**
     * Close and open again from disk.
     *
     * @return nanoseconds the open took (the close before it is not counted).
     */
    long reopen();

    @Override
    void close();
}
