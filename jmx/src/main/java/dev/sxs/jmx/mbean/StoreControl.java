package dev.sxs.jmx.mbean;

import dev.sxs.jmx.access.StoreAccess;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.remote.CurrentSubject;

/**
 * The {@link StoreMXBean}: the root scope of the store. {@code set}, {@code setString} and {@code delete}
 * are audited before they run. Bad arguments (empty key, a value that is not one sxs form, ranges) throw an
 * {@link IllegalArgumentException}, a full store an {@link IllegalStateException}, with sxs's message
 * ({@link Failures}). Thread-safe; holds no state of its own.
 */
public final class StoreControl implements StoreMXBean
{
    /** Most keys one {@code keys} call returns. */
    public static final int MAX_KEYS = 10_000;

    private final StoreAccess store;
    private final AuditLog audit;

    /**
     * @param store the store.
     * @param audit where writes are recorded.
     */
    public StoreControl(final StoreAccess store, final AuditLog audit)
    {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public long getEntries()
    {
        return store.entries();
    }

    @Override
    public long getCapacity()
    {
        return store.capacity();
    }

    @Override
    public long getOffHeapBytesUsed()
    {
        return store.offHeapBytesUsed();
    }

    @Override
    public long getOffHeapBytesMapped()
    {
        return store.offHeapBytesMapped();
    }

    @Override
    public String getFile()
    {
        return store.file();
    }

    @Override
    public String get(final String key)
    {
        return store.get(checkKey("get", key));
    }

    @Override
    public boolean set(final String key, final String value)
    {
        checkKey("set", key);
        if (value == null || value.isBlank())
        {
            throw Failures.badArgument("set: value is empty (expected one sxs form, e.g. 42 or \"text\"; "
                + "setString stores plain text)");
        }
        audit.record(CurrentSubject.who(), "Store.set", key + " " + value);
        store.set(key, value);
        return true;
    }

    @Override
    public boolean setString(final String key, final String text)
    {
        checkKey("setString", key);
        if (text == null)
        {
            throw Failures.badArgument("setString: text is null");
        }
        audit.record(CurrentSubject.who(), "Store.setString", key + " " + text);
        store.setString(key, text);
        return true;
    }

    @Override
    public boolean delete(final String key)
    {
        checkKey("delete", key);
        audit.record(CurrentSubject.who(), "Store.delete", key);
        return store.delete(key);
    }

    @Override
    public String[] keys(final String prefix, final long offset, final int limit)
    {
        if (offset < 0)
        {
            throw Failures.badArgument("keys: offset " + offset + " is negative");
        }
        if (limit < 1 || limit > MAX_KEYS)
        {
            throw Failures.badArgument("keys: limit " + limit + " is out of range 1.." + MAX_KEYS);
        }
        return store.keys(prefix == null ? "" : prefix, offset, limit).toArray(new String[0]);
    }

    private static String checkKey(final String operation, final String key)
    {
        if (key == null || key.isEmpty())
        {
            throw Failures.badArgument(operation + ": key is empty");
        }
        return key;
    }
}
