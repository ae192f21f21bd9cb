package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;

/**
 * {@code dev.sxs:type=Store}: the key/value store (root scope).
 */
@Description("The sxs key/value store (Chronicle Map, off-heap): size, capacity, file; read and write keys.")
public interface StoreMXBean
{
    /** @return entries. */
    @Description("Number of entries.")
    long getEntries();

    /** @return capacity. */
    @Description("Configured maximum number of entries (kv.entries).")
    long getCapacity();

    /** @return off-heap bytes in use. */
    @Description("Off-heap bytes the entries occupy (grows with the data; compare with OffHeapBytesMapped).")
    long getOffHeapBytesUsed();

    /** @return off-heap bytes mapped. */
    @Description("Off-heap bytes the store has mapped for its capacity (kv.entries), whatever it holds: "
        + "an empty store maps its full size up front; the operating system backs pages as they are touched.")
    long getOffHeapBytesMapped();

    /** @return the file. */
    @Description("File backing the store; empty when it lives in memory only.")
    String getFile();

    /**
     * @param key the key.
     * @return the printed value or null.
     */
    @Description("Value of a key in canonical sxs form (strings quoted); null when the key is absent.")
    String get(@Param(name = "key", description = "the key, root scope (e.g. user:1:name)") String key);

    /**
     * @param key   the key.
     * @param value the value.
     * @return true.
     */
    @Description(value = "Store a value given in sxs syntax: one form, read but not evaluated: 42, \"text\" "
        + "(quoted), (a b); a bare word such as hello is stored as a symbol; setString stores plain text. "
        + "Returns true; fails with sxs's message (a read error, a full store). Audited.",
            impact = MBeanOperationInfo.ACTION)
    boolean set(
        @Param(name = "key", description = "the key, root scope") String key,
        @Param(name = "value", description = "value in sxs syntax, exactly one form: 42, \"text\" (quoted), "
            + "(a b); hello alone is a symbol") String value);

    /**
     * @param key  the key.
     * @param text the text.
     * @return true.
     */
    @Description(value = "Store the given text as a string value, whatever it contains (blanks, quotes, "
        + "parentheses). Returns true; fails with sxs's message (a full store). Audited.",
            impact = MBeanOperationInfo.ACTION)
    boolean setString(
        @Param(name = "key", description = "the key, root scope") String key,
        @Param(name = "text", description = "plain text, stored as a string (no sxs syntax, no quotes needed)")
        String text);

    /**
     * @param key the key.
     * @return whether a key was removed.
     */
    @Description(value = "Delete a key; true when it existed. Audited.", impact = MBeanOperationInfo.ACTION)
    boolean delete(@Param(name = "key", description = "the key, root scope") String key);

    /**
     * @param prefix prefix.
     * @param offset offset.
     * @param limit  limit.
     * @return keys.
     */
    @Description("Keys starting with a prefix, in ascending byte order, after skipping offset, at most limit.")
    String[] keys(
        @Param(name = "prefix", description = "key prefix, empty for all keys") String prefix,
        @Param(name = "offset", description = "matching keys to skip, 0 or more") long offset,
        @Param(name = "limit", description = "most keys to return, 1..10000") int limit);
}
