package dev.sxs.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import net.openhft.chronicle.map.ChronicleMap;

/**
 * Where a persisted store's ordered index comes from at open, run on the {@code sxs-kv-indexer} thread while the
 * store already serves point operations: the index file of the last clean close when there is a trusted one
 * (a sequential read), else, or when the file turns out cut short or corrupt, a full scan of the map and a sort.
 * A close during the build waits for a file read to end but stops a scan (the next open scans again).
 * <p>
 * Threading: {@link #build} once on the indexer thread; {@link #loaded} from any thread after the build ended.
 */
final class IndexSource implements IndexBuild
{
    private final ChronicleMap<String, String> map;
    private final IndexFile.Reader saved;
    private volatile boolean loaded;
    private volatile boolean scanned;

    /**
     * @param map   the store's map.
     * @param saved the opened index file, or null.
     */
    IndexSource(final ChronicleMap<String, String> map, final IndexFile.Reader saved)
    {
        this.map = map;
        this.saved = saved;
    }

    @Override
    public ChunkedKeyIndex build(final BooleanSupplier cancelled)
    {
        if (saved != null)
        {
            // not cancelled by a close: reading the file is quick, and a close that stopped it would leave no
            // index file, so the next open would have to scan
            final ChunkedKeyIndex index = saved.load();
            if (index != null)
            {
                loaded = true;
                return index;
            }
        }
        if (map.longSize() == 0)
        {
            // a new store: nothing to scan, and walking every segment's memory of an empty map would make the
            // whole first tier of store.dat resident in the host (24 MiB at the default size)
            return new ChunkedKeyIndex();
        }
        return cancelled.getAsBoolean() ? null : scan(cancelled);
    }

    /**
     * @return true when the index was built by a scan of the map (meaningful once the build ended).
     */
    boolean scanned()
    {
        return scanned;
    }

    /**
     * @return true when the index was read from the index file (meaningful once the build ended).
     */
    boolean loaded()
    {
        return loaded;
    }

    /** The index of every key of the map: a full scan (segment by segment), then a sort. */
    private ChunkedKeyIndex scan(final BooleanSupplier cancelled)
    {
        scanned = true;
        final List<byte[]> keys = new ArrayList<>((int)Math.min(Integer.MAX_VALUE - 8, map.longSize() + 1024));
        final boolean whole = map.forEachEntryWhile(entry ->
        {
            keys.add(ChronicleKvStore.utf8(entry.key().get()));
            return (keys.size() & 0xFFF) != 0 || !cancelled.getAsBoolean();
        });
        return whole ? ChunkedKeyIndex.build(keys.toArray(new byte[0][])) : null;
    }
}
