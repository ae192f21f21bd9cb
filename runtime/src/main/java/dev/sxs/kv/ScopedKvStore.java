package dev.sxs.kv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KvStore} view inside a scope: a hidden key prefix added to every key on the way in and
 * removed from every key on the way out. Every physical key reached through the view starts with the
 * prefix, so a scoped caller can neither read nor write nor list a key outside its scope; listing
 * {@code ""} lists exactly the scope. The physical key equal to the prefix (writable from a parent scope)
 * is not in the scope: the view neither lists nor reads it, and refuses to write the empty key.
 * <p>
 * {@link #size()} counts the keys of the scope (a walk of the index, linear in the scope's size);
 * {@link #capacity()}, {@link #offHeapBytes()}, {@link #offHeapBytesUsed()} and {@link #file()} describe the whole store. Closing
 * the view only stops the view; the underlying store stays open.
 * <p>
 * Threading and failure: those of the underlying store.
 */
public final class ScopedKvStore implements KvStore
{
    private static final int COUNT_PAGE = 4096;

    private final KvStore store;
    private final String prefix;
    private volatile boolean closed;

    /**
     * @param store  the underlying store.
     * @param prefix the hidden key prefix, not empty.
     * @throws IllegalArgumentException when the prefix is empty or holds a lone UTF-16 surrogate ({@link KeyText}).
     */
    public ScopedKvStore(final KvStore store, final String prefix)
    {
        if (prefix.isEmpty())
        {
            throw new IllegalArgumentException(
                "a scope prefix must not be empty; use the store itself for the root scope");
        }
        KeyText.require(prefix);
        this.store = store;
        this.prefix = prefix;
    }

    /**
     * @return the hidden key prefix of this scope.
     */
    public String prefix()
    {
        return prefix;
    }

    @Override
    public String get(final String key)
    {
        checkOpen();
        return key.isEmpty() ? null : store.get(prefix + key);
    }

    @Override
    public void put(final String key, final String value)
    {
        checkOpen();
        store.put(physical(key), value);
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        checkOpen();
        return store.putIfAbsent(physical(key), value);
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        checkOpen();
        return store.replace(physical(key), expected, value);
    }

    @Override
    public boolean remove(final String key)
    {
        checkOpen();
        return !key.isEmpty() && store.remove(prefix + key);
    }

    @Override
    public boolean containsKey(final String key)
    {
        checkOpen();
        return !key.isEmpty() && store.containsKey(prefix + key);
    }

    @Override
    public List<String> keys(final String keyPrefix, final long offset, final int limit)
    {
        checkOpen();
        // the key equal to the prefix (written from a parent scope) sorts first of the scope and is not in it
        final boolean skip = keyPrefix.isEmpty() && store.containsKey(prefix);
        final List<String> physical = store.keys(prefix + keyPrefix, skip ? offset + 1 : offset, limit);
        final List<String> out = new ArrayList<>(physical.size());
        final int cut = prefix.length();
        for (final String key : physical)
        {
            if (key.length() > cut)
            {
                out.add(key.substring(cut));
            }
        }
        return out;
    }

    @Override
    public long size()
    {
        checkOpen();
        long count = 0;
        while (true)
        {
            final int page = keys("", count, COUNT_PAGE).size();
            count += page;
            if (page < COUNT_PAGE)
            {
                return count;
            }
        }
    }

    @Override
    public long capacity()
    {
        return store.capacity();
    }

    @Override
    public long offHeapBytes()
    {
        return store.offHeapBytes();
    }

    @Override
    public long offHeapBytesUsed()
    {
        return store.offHeapBytesUsed();
    }

    @Override
    public Path file()
    {
        return store.file();
    }

    @Override
    public KvStore scoped(final String inner)
    {
        return inner.isEmpty() ? this : new ScopedKvStore(store, prefix + inner);
    }

    @Override
    public void close()
    {
        closed = true;
    }

    @Override
    public String toString()
    {
        return "ScopedKvStore[" + prefix + " in " + store + "]";
    }

    private String physical(final String key)
    {
        if (key.isEmpty())
        {
            throw new IllegalArgumentException("a key in scope " + prefix + " must not be empty: the key equal to"
                + " the scope's prefix belongs to the parent scope");
        }
        return prefix + key;
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("scoped view closed: " + this);
        }
    }
}
