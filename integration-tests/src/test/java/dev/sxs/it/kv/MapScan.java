package dev.sxs.it.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.sxs.kv.ChronicleKvStore;

/**
 * What the kv kill tests compare the key index with: every key of the store's map, from a full scan that does not
 * use the index, in the index's order (unsigned UTF-8 bytes).
 */
final class MapScan
{
    private MapScan()
    {
    }

    /**
     * @param store an open store.
     * @return every key of its map, in ascending unsigned UTF-8 byte order.
     */
    static List<String> sortedKeys(final ChronicleKvStore store)
    {
        final List<String> keys = new ArrayList<>();
        store.forEachKey(keys::add);
        keys.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8)));
        return keys;
    }
}
