package dev.sxs.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * H2's MVStore with one file and an {@code MVMap} of String to String, default builder settings: auto-commit
 * on, so writes are buffered and written in the background about once a second and never synced (a process
 * that dies may lose up to that second of returned writes: weaker than sxs). The {@code -sync} variant calls
 * {@code commit()} and {@code sync()} after every write. CAS is native ({@code MVMap.replace(k, old, new)}). A
 * prefix read iterates the keys from the prefix (String order, equal to byte order for these ASCII keys).
 */
final class MvStorePeer extends MapPeer
{
    private final Path file;
    private final boolean sync;
    private MVStore store;

    MvStorePeer(final Path folder, final boolean sync)
    {
        this.file = folder.resolve("mvstore.db");
        this.sync = sync;
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
        store = new MVStore.Builder().fileName(file.toString()).open();
        use(store.<String, String>openMap("peer"));
    }

    @Override
    protected void committed()
    {
        if (sync)
        {
            store.commit();
            store.sync();
        }
    }

    @Override
    public List<String> prefix(final String prefix, final int limit)
    {
        final List<String> out = new ArrayList<>(limit);
        final Iterator<String> keys = ((MVMap<String, String>)map()).keyIterator(prefix);
        while (keys.hasNext() && out.size() < limit)
        {
            final String key = keys.next();
            if (!key.startsWith(prefix))
            {
                break;
            }
            out.add(key);
        }
        return out;
    }

    @Override
    public long reopen()
    {
        store.close();
        final long start = System.nanoTime();
        open();
        return System.nanoTime() - start;
    }

    @Override
    public void close()
    {
        store.close();
    }
}
