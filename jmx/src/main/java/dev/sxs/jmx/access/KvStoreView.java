package dev.sxs.jmx.access;

import dev.sxs.kv.KvFullException;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.Printer;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link StoreAccess} over the runtime's root {@link KvStore}: values cross as canonical printed
 * text, read with the language reader on the way in (or taken as a string by {@code setString}).
 * Failures throw with the message the language would give. Thread-safe as the store.
 */
public final class KvStoreView implements StoreAccess
{
    private final KvStore store;

    /**
     * @param store the root store.
     */
    public KvStoreView(final KvStore store)
    {
        this.store = store;
    }

    @Override
    public long entries()
    {
        return store.size();
    }

    @Override
    public long capacity()
    {
        return store.capacity();
    }

    @Override
    public long offHeapBytesUsed()
    {
        return store.offHeapBytesUsed();
    }

    @Override
    public long offHeapBytesMapped()
    {
        return store.offHeapBytes();
    }

    @Override
    public String file()
    {
        final Path file = store.file();
        return file == null ? "" : file.toString();
    }

    @Override
    public String get(final String key)
    {
        return store.get(unreserved(key));
    }

    @Override
    public void set(final String key, final String value)
    {
        final Value read = DispatcherChannels.readPayload("set", value);
        if (read instanceof ErrorValue e)
        {
            throw new IllegalArgumentException(e.message());
        }
        put("set", key, read);
    }

    @Override
    public void setString(final String key, final String text)
    {
        put("setString", key, new StrValue(text));
    }

    private void put(final String operation, final String key, final Value value)
    {
        try
        {
            store.put(unreserved(key), Printer.print(value));
        }
        catch (final KvFullException ex)
        {
            throw new IllegalStateException(operation + ": kv full: " + ex.getMessage());
        }
    }

    @Override
    public boolean delete(final String key)
    {
        return store.remove(unreserved(key));
    }

    private static String unreserved(final String key)
    {
        if (key != null && HiddenKeys.isReserved(key))
        {
            throw new IllegalArgumentException("key is reserved for sxs's entities (manage them with sxs entity)");
        }
        return key;
    }

    /**
     * The keys an operator sees: the language's hidden keys (stored functions, {@link HiddenKeys}) are left
     * out, as scripts never see them, unless the prefix itself asks for them; the entities' reserved keys
     * ({@link HiddenKeys#isReserved}) are never listed.
     */
    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        if (!HiddenKeys.isHidden(prefix))
        {
            return HiddenKeys.visible(store, prefix, offset, limit);
        }
        final List<String> keys = new ArrayList<>(store.keys(prefix, offset, limit));
        keys.removeIf(HiddenKeys::isReserved);
        return keys;
    }
}
