package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.openhft.chronicle.map.ChronicleMap;

import org.junit.jupiter.api.Test;

/**
 * Where a store's first ordered index comes from when there is no index file: a scan of the map, but never of
 * an empty one, whose walk over every segment's memory is what a new store paid at start (24 MiB of
 * {@code store.dat} made resident in the host, docs/benchmarks.md).
 */
class IndexSourceTest
{
    private static ChronicleMap<String, String> map()
    {
        return ChronicleMap.of(String.class, String.class).name("index-source-test").entries(10_000)
            .averageKeySize(16).averageValueSize(16).create();
    }

    @Test
    void shouldNotScanAnEmptyMap()
    {
        try (ChronicleMap<String, String> map = map())
        {
            final IndexSource source = new IndexSource(map, null);
            assertEquals(0L, source.build(() -> false).size());
            assertFalse(source.scanned(), "an empty map has nothing to scan");
        }
    }

    @Test
    void shouldScanAMapThatHoldsKeys()
    {
        try (ChronicleMap<String, String> map = map())
        {
            map.put("b", "1");
            map.put("a", "2");
            final IndexSource source = new IndexSource(map, null);
            assertEquals(2L, source.build(() -> false).size());
            assertTrue(source.scanned());
        }
    }
}
