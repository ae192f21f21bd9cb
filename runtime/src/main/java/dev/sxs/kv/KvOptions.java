package dev.sxs.kv;

import java.nio.file.Path;

/**
 * How to open a {@link ChronicleKvStore}: where it lives and what it is sized for. The defaults of the
 * store's settings are the {@code DEFAULT_*} constants here; the runtime's {@code Config} takes them
 * from here. Immutable.
 *
 * @param folder            data folder of {@code store.dat}; null keeps the store in memory.
 * @param entries           entries the store is sized for (a sizing target, not an exact limit).
 * @param averageKeyBytes   average key size in bytes, for sizing.
 * @param averageValueBytes average value size in bytes (canonical printed form), for sizing.
 */
public record KvOptions(Path folder, long entries, int averageKeyBytes, int averageValueBytes)
{
    /** Default sizing target in entries. */
    public static final long DEFAULT_ENTRIES = 1_000_000;
    /** Default average key size in bytes. */
    public static final int DEFAULT_AVERAGE_KEY_BYTES = 32;
    /** Default average value size in bytes. */
    public static final int DEFAULT_AVERAGE_VALUE_BYTES = 64;

    /**
     * @throws IllegalArgumentException when a size is below 1.
     */
    public KvOptions
    {
        if (entries < 1 || averageKeyBytes < 1 || averageValueBytes < 1)
        {
            throw new IllegalArgumentException("store sizes must be >= 1: entries=" + entries
                + ", averageKeyBytes=" + averageKeyBytes + ", averageValueBytes=" + averageValueBytes);
        }
    }

    /** @return an in-memory store with every default size. */
    public static KvOptions defaults()
    {
        return new KvOptions(null, DEFAULT_ENTRIES, DEFAULT_AVERAGE_KEY_BYTES, DEFAULT_AVERAGE_VALUE_BYTES);
    }

    /**
     * @param entries the sizing target.
     * @return an in-memory store sized for that many entries, default average sizes.
     */
    public static KvOptions inMemory(final long entries)
    {
        return new KvOptions(null, entries, DEFAULT_AVERAGE_KEY_BYTES, DEFAULT_AVERAGE_VALUE_BYTES);
    }

    /**
     * @param dataFolder the data folder; null for in memory.
     * @return a copy persisted under that folder.
     */
    public KvOptions withFolder(final Path dataFolder)
    {
        return new KvOptions(dataFolder, entries, averageKeyBytes, averageValueBytes);
    }

    /**
     * @param keyBytes   average key size.
     * @param valueBytes average value size.
     * @return a copy with these average sizes.
     */
    public KvOptions withAverageSizes(final int keyBytes, final int valueBytes)
    {
        return new KvOptions(folder, entries, keyBytes, valueBytes);
    }
}
