package dev.sxs.kv;

/**
 * How an open found and brought up a persisted {@code store.dat} ({@link ChronicleKvStore#recovery()}); see
 * docs/store.md, "Creation and recovery".
 */
public enum StoreRecovery
{
    /** The store is in memory, new, or its previous owner closed it cleanly. */
    NONE,
    /** The previous owner died between two changes: the file was complete and opened as it was. */
    IN_PLACE,
    /** The previous owner died inside a change: the segments it was changing were repaired in place. */
    REPAIRED,
    /**
     * The previous owner died holding the map's global lock (or an older sxs left a half-recovered file, or a
     * repair could not prove its segments whole): a copy of the file was recovered by Chronicle Map and renamed
     * over it.
     */
    RECOVERED_COPY
}
