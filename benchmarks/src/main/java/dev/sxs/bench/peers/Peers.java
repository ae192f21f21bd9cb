package dev.sxs.bench.peers;

import java.nio.file.Path;
import java.util.List;

/**
 * The names of the stores the peer benchmark runs ({@code -p store=...}) and how each is opened on its folder.
 * The {@code -sync} variants force every write to the device; the others write without syncing, as sxs does
 * (each class comment states its settings).
 */
public final class Peers
{
    /** Every name, in the order of the table in docs/benchmarks.md. */
    public static final List<String> NAMES = List.of("chronicle", "sxs", "rocksdb", "lmdb", "mapdb-htree",
        "mapdb-btree", "mvstore", "rocksdb-sync", "lmdb-sync", "mapdb-btree-sync", "mvstore-sync");

    private Peers()
    {
    }

    /**
     * @param name one of {@link #NAMES}.
     * @return the name of the data folder it uses: a {@code -sync} variant shares its files with the unsynced
     *     one (same format), except MapDB's, whose transactional store keeps its own.
     */
    public static String folderName(final String name)
    {
        return name.startsWith("mapdb") ? name : name.replace("-sync", "");
    }

    /**
     * @param name    one of {@link #NAMES}.
     * @param folder  the store's own folder (created when missing).
     * @param entries keys the store is sized for, where it takes a size.
     * @param loading true for a bulk load: a {@code -sync} variant then does not sync each write.
     * @return the open store.
     */
    public static PeerStore open(final String name, final Path folder, final long entries, final boolean loading)
    {
        final boolean sync = name.endsWith("-sync") && !loading;
        return switch (name)
        {
            case "chronicle" -> new ChroniclePeer(folder, entries);
            case "sxs" -> new SxsPeer(folder, entries);
            case "rocksdb", "rocksdb-sync" -> new RocksPeer(folder, sync);
            case "lmdb", "lmdb-sync" -> new LmdbPeer(folder, entries, sync);
            case "mapdb-htree" -> new MapDbPeer(folder, false, false, loading);
            case "mapdb-btree" -> new MapDbPeer(folder, true, false, loading);
            case "mapdb-btree-sync" -> new MapDbPeer(folder, true, true, loading);
            case "mvstore", "mvstore-sync" -> new MvStorePeer(folder, sync);
            default -> throw new IllegalArgumentException("unknown store " + name + "; one of " + NAMES);
        };
    }
}
