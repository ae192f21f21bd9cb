package dev.sxs.kv;

import java.nio.file.Path;
import java.util.List;

/**
 * The sxs key/value store: string keys to canonical printed values.
 * <p>
 * Values are stored as their canonical printed form (see {@code dev.sxs.lang.Printer}), so two values
 * are equal exactly when their stored text is equal; {@link #replace} compares that text.
 * <p>
 * Threading: every method is safe to call from any number of threads. {@link #putIfAbsent},
 * {@link #replace} and {@link #remove} are atomic. Failure: a full store throws
 * {@link KvFullException}; a store behind a network may also throw an unchecked exception (the NATS
 * backend's {@code dev.sxs.nats.NatsStoreException}) whose message says what failed in words a user can act
 * on (the language shows it as an error value). Callers catch {@link RuntimeException} at their boundary, never a backend's own type.
 */
public interface KvStore extends AutoCloseable
{
    /**
     * @param key the key.
     * @return the stored text, or null when absent.
     * @throws RuntimeException a networked backend's failure, e.g. the NATS backend's {@code NatsStoreException}
     *                          (the cluster unreachable or silent for {@code nats.timeoutMillis}); its message
     *                          names the operation, the key and the cause.
     */
    String get(String key);

    /**
     * Store a value, replacing any previous one.
     *
     * @param key   the key.
     * @param value the canonical printed value.
     * @throws KvFullException when the store has no room for a new entry.
     * @throws RuntimeException a networked backend's failure, e.g. the NATS backend's {@code NatsStoreException}
     *                          (the cluster unreachable or silent for {@code nats.timeoutMillis}); its message
     *                          names the operation, the key and the cause.
     */
    void put(String key, String value);

    /**
     * Store a value only when the key is absent, atomically.
     *
     * @param key   the key.
     * @param value the canonical printed value.
     * @return true when stored, false when the key already existed.
     * @throws KvFullException when the store has no room for a new entry.
     * @throws RuntimeException a networked backend's failure, e.g. the NATS backend's {@code NatsStoreException}
     *                          (the cluster unreachable or silent for {@code nats.timeoutMillis}); its message
     *                          names the operation, the key and the cause.
     */
    boolean putIfAbsent(String key, String value);

    /**
     * Replace the value only when the current value equals {@code expected}, atomically.
     *
     * @param key      the key.
     * @param expected the canonical text the current value must equal.
     * @param value    the new canonical text.
     * @return true when replaced; false when absent or different.
     * @throws KvFullException when the new value does not fit.
     * @throws RuntimeException a networked backend's failure, e.g. the NATS backend's {@code NatsStoreException}
     *                          (the cluster unreachable or silent for {@code nats.timeoutMillis}); its message
     *                          names the operation, the key and the cause.
     */
    boolean replace(String key, String expected, String value);

    /**
     * @param key the key.
     * @return true when a key was removed, false when it was absent.
     * @throws RuntimeException a networked backend's failure, e.g. the NATS backend's {@code NatsStoreException}
     *                          (the cluster unreachable or silent for {@code nats.timeoutMillis}); its message
     *                          names the operation, the key and the cause.
     */
    boolean remove(String key);

    /**
     * @param key the key.
     * @return true when present.
     * @throws RuntimeException a networked backend's failure, e.g. the NATS backend's {@code NatsStoreException}
     *                          (the cluster unreachable or silent for {@code nats.timeoutMillis}); its message
     *                          names the operation, the key and the cause.
     */
    boolean containsKey(String key);

    /**
     * The keys starting with {@code prefix}, in ascending order of their UTF-8 bytes, skipping
     * {@code offset} and returning at most {@code limit}. The result is a snapshot taken at the call.
     *
     * @param prefix the key prefix, "" for all keys.
     * @param offset how many matching keys to skip, not negative.
     * @param limit  how many keys at most, not negative.
     * @return the keys, a new list owned by the caller.
     */
    List<String> keys(String prefix, long offset, int limit);

    /**
     * @return the number of entries.
     */
    long size();

    /**
     * @return the configured maximum number of entries.
     */
    long capacity();

    /**
     * @return off-heap bytes the store has mapped (reserved for its capacity, whatever it holds).
     */
    long offHeapBytes();

    /**
     * What the entries occupy of the mapped bytes ({@link #offHeapBytes()}); may walk the store's segments,
     * so it is for monitoring, not for a hot path.
     *
     * @return off-heap bytes in use by entries; by default the mapped bytes, for stores that cannot tell.
     */
    default long offHeapBytesUsed()
    {
        return offHeapBytes();
    }

    /**
     * @return the file backing the store, or null when it lives in memory only.
     */
    Path file();

    /**
     * A view of this store inside a scope: every key gets the hidden prefix {@code prefix}, and keys
     * come back with it removed. Nothing done through the view can reach a key outside the prefix.
     * Closing the view does not close this store.
     *
     * @param prefix the scope's key prefix; "" returns this store itself.
     * @return the view.
     */
    default KvStore scoped(final String prefix)
    {
        return prefix.isEmpty() ? this : new ScopedKvStore(this, prefix);
    }

    /**
     * Flush and release the store; later calls fail. Idempotent.
     */
    @Override
    void close();
}
