package dev.sxs.kv;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user is told when Chronicle Map refuses a write of an open store: a value bigger than one entry
 * can ever hold, or a store with no room left. Both messages name the key and the sizing settings to change.
 * Stateless; allocates only the message.
 */
final class WriteFailure
{
    private static final Pattern CHUNKS = Pattern.compile("requires (\\d+) chunks, (\\d+) is maximum");

    private WriteFailure()
    {
    }

    /**
     * @param key     the key written.
     * @param value   the value written.
     * @param cause   Chronicle's refusal.
     * @param options the store's sizing.
     * @param stored  entries stored now.
     * @param file    the store file, null in memory.
     * @return a {@link KvFullException} saying which of the two it is and what to change.
     */
    static RuntimeException describe(final String key, final String value, final RuntimeException cause,
        final KvOptions options, final long stored, final Path file)
    {
        if (String.valueOf(cause.getMessage()).contains("too large"))
        {
            // one entry bigger than a segment takes: no amount of free room would hold it
            return KvFullException.valueTooLarge("value too large: key '" + abbreviate(key) + "' has a value of "
                + value.length() + " bytes, more than one entry of this store can hold" + largestEntry(value, cause)
                + " (entries are sized from kv.valueBytes=" + options.averageValueBytes() + "); store a smaller value, "
                + "or raise kv.valueBytes for a new store", cause);
        }
        return new KvFullException("store full: key '" + abbreviate(key) + "' with a value of " + value.length()
            + " chars does not fit (" + stored + " entries stored; sized for kv.entries=" + options.entries()
            + ", kv.keyBytes=" + options.averageKeyBytes() + ", kv.valueBytes=" + options.averageValueBytes()
            + (file == null ? ", in memory" : ", file " + file + " keeps the sizing it was created with")
            + "); raise kv.entries or the average sizes, or delete keys", cause);
    }

    /** ", about N bytes" from Chronicle's "requires R chunks, M is maximum", or "" when it says otherwise. */
    private static String largestEntry(final String value, final RuntimeException cause)
    {
        final Matcher m = CHUNKS.matcher(String.valueOf(cause.getMessage()));
        if (!m.find())
        {
            return "";
        }
        final long required = Long.parseLong(m.group(1));
        final long maximum = Long.parseLong(m.group(2));
        return ", about " + value.length() * maximum / Math.max(1, required) + " bytes at most";
    }

    private static String abbreviate(final String key)
    {
        return key.length() <= 64 ? key : key.substring(0, 61) + "...";
    }
}
