package dev.sxs.bench.peers;

import java.util.concurrent.ConcurrentMap;

/**
 * A peer whose data is a {@link ConcurrentMap} of String to String (MapDB, H2 MVStore): the point operations
 * are the map's own, CAS is {@code replace(k, old, new)}, and each write is followed by {@link #committed()},
 * where the synced variants commit. Threading: one benchmark thread, as {@link PeerStore}.
 */
abstract class MapPeer implements PeerStore
{
    private ConcurrentMap<String, String> map;

    /** @param opened the map to work on from now (after each open or reopen). */
    protected final void use(final ConcurrentMap<String, String> opened)
    {
        this.map = opened;
    }

    /** @return the open map. */
    protected final ConcurrentMap<String, String> map()
    {
        return map;
    }

    /** After each write: commit (and sync) in the synced variants, nothing otherwise. */
    protected abstract void committed();

    @Override
    public final String get(final String key)
    {
        return map.get(key);
    }

    @Override
    public final void put(final String key, final String value)
    {
        map.put(key, value);
        committed();
    }

    @Override
    public final void remove(final String key)
    {
        map.remove(key);
        committed();
    }

    @Override
    public final boolean cas(final String key, final String expected, final String value)
    {
        final boolean replaced = map.replace(key, expected, value);
        committed();
        return replaced;
    }
}
