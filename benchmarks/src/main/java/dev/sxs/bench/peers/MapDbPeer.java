package dev.sxs.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;

import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * MapDB 3 with a memory-mapped file ({@code fileMmapEnableIfSupported}), an {@code HTreeMap} or a
 * {@code BTreeMap} of String to String. Without transactions (the default and fastest setting) a write goes to
 * the mapped file and nothing is synced; unlike sxs, MapDB documents that a store not closed cleanly may be
 * corrupt, so its durability is weaker. The {@code -sync} variant enables transactions
 * ({@code transactionEnable}, a write-ahead log) and commits after every write. CAS is native
 * ({@code ConcurrentMap.replace(k, old, new)}). A prefix read is a sub-map of the BTree, a sorted full scan of
 * the HTree (no order).
 */
final class MapDbPeer extends MapPeer
{
    private final Path file;
    private final boolean tree;
    private final boolean sync;
    private DB db;

    private final boolean transactions;

    MapDbPeer(final Path folder, final boolean tree, final boolean sync, final boolean loading)
    {
        this.file = folder.resolve(tree ? "btree.db" : "htree.db");
        this.tree = tree;
        this.transactions = sync;
        this.sync = sync && !loading;
        open();
    }

    private void open()
    {
        try
        {
            Files.createDirectories(file.getParent());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final DBMaker.Maker maker = DBMaker.fileDB(file.toFile()).fileMmapEnableIfSupported();
        db = transactions ? maker.transactionEnable().make() : maker.make();
        use(tree
            ? db.treeMap("peer", Serializer.STRING, Serializer.STRING).createOrOpen()
            : db.hashMap("peer", Serializer.STRING, Serializer.STRING).createOrOpen());
    }

    @Override
    protected void committed()
    {
        if (sync)
        {
            db.commit();
        }
    }

    @Override
    public List<String> prefix(final String prefix, final int limit)
    {
        final List<String> out = new ArrayList<>(limit);
        if (tree)
        {
            final ConcurrentNavigableMap<String, String> sorted = (ConcurrentNavigableMap<String, String>)map();
            for (final String key : sorted.subMap(prefix, true, prefix + Character.MAX_VALUE, false).keySet())
            {
                if (out.size() == limit)
                {
                    break;
                }
                out.add(key);
            }
            return out;
        }
        for (final String key : map().keySet())
        {
            if (key.startsWith(prefix))
            {
                out.add(key);
            }
        }
        out.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8)));
        return out.size() <= limit ? out : out.subList(0, limit);
    }

    @Override
    public long reopen()
    {
        closeDb();
        final long start = System.nanoTime();
        open();
        return System.nanoTime() - start;
    }

    @Override
    public void close()
    {
        closeDb();
    }

    private void closeDb()
    {
        if (transactions)
        {
            db.commit(); // a bulk load commits once, at the end
        }
        db.close();
    }
}
