package dev.sxs.kv;

import java.util.function.BooleanSupplier;

/**
 * Builds a complete {@link ChunkedKeyIndex} on the {@code sxs-kv-indexer} thread while the store already
 * serves point operations (see {@link WriteBehindKeyIndex#WriteBehindKeyIndex(IndexBuild, int,
 * dev.sxs.concurrent.SxsThreadFactory)}); for a store, a scan of its map.
 * <p>
 * Threading: called once, on the indexer thread. Failure: a runtime exception ends the build; reads of the
 * index then fail with it.
 */
@FunctionalInterface
public interface IndexBuild
{
    /**
     * @param cancelled true once the index is being closed: the build may stop early and return null.
     * @return the index holding every key present when the build started, or null when cancelled.
     */
    ChunkedKeyIndex build(BooleanSupplier cancelled);
}
