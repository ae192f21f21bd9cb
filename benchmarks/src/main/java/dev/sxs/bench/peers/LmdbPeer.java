package dev.sxs.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.KeyRange;
import org.lmdbjava.Txn;

/**
 * LMDB through lmdbjava ({@code ByteBuffer} proxy), one environment in the folder with a map size of 256 bytes
 * per entry (at least 64 MiB), one named database. Each write is its own write transaction; with
 * {@code MDB_NOSYNC} a commit does not sync (a returned write survives the death of the process, not of the
 * machine, as in sxs); the {@code -sync} variant opens without it (fsync per commit, LMDB's default). Reads use a
 * read transaction each. CAS has no native form: one write transaction (get, compare, put, commit). A prefix read
 * iterates a cursor from the prefix.
 */
final class LmdbPeer implements PeerStore
{
    private final Path folder;
    private final long mapSize;
    private final boolean sync;
    private final ByteBuffer keyBuffer = ByteBuffer.allocateDirect(511);
    private final ByteBuffer valueBuffer = ByteBuffer.allocateDirect(4096);
    private final ByteBuffer expectedBuffer = ByteBuffer.allocateDirect(4096);
    private Env<ByteBuffer> env;
    private Dbi<ByteBuffer> db;

    LmdbPeer(final Path folder, final long entries, final boolean sync)
    {
        this.folder = folder;
        this.mapSize = Math.max(64L << 20, entries * 256);
        this.sync = sync;
        open();
    }

    private void open()
    {
        try
        {
            Files.createDirectories(folder);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        env = sync
            ? Env.create().setMapSize(mapSize).setMaxDbs(1).open(folder.toFile())
            : Env.create().setMapSize(mapSize).setMaxDbs(1).open(folder.toFile(), EnvFlags.MDB_NOSYNC);
        db = env.openDbi("peer", DbiFlags.MDB_CREATE);
    }

    private static ByteBuffer fill(final ByteBuffer buffer, final String text)
    {
        buffer.clear();
        buffer.put(text.getBytes(StandardCharsets.UTF_8)).flip();
        return buffer;
    }

    private static String text(final ByteBuffer buffer)
    {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String get(final String key)
    {
        try (Txn<ByteBuffer> txn = env.txnRead())
        {
            final ByteBuffer value = db.get(txn, fill(keyBuffer, key));
            return value == null ? null : text(value);
        }
    }

    @Override
    public void put(final String key, final String value)
    {
        db.put(fill(keyBuffer, key), fill(valueBuffer, value));
    }

    @Override
    public void remove(final String key)
    {
        db.delete(fill(keyBuffer, key));
    }

    @Override
    public boolean cas(final String key, final String expected, final String value)
    {
        try (Txn<ByteBuffer> txn = env.txnWrite())
        {
            final ByteBuffer current = db.get(txn, fill(keyBuffer, key));
            if (current == null || !current.equals(fill(expectedBuffer, expected)))
            {
                return false; // closing an uncommitted write transaction aborts it
            }
            db.put(txn, keyBuffer, fill(valueBuffer, value));
            txn.commit();
            return true;
        }
    }

    @Override
    public List<String> prefix(final String prefix, final int limit)
    {
        final List<String> out = new ArrayList<>(limit);
        try (Txn<ByteBuffer> txn = env.txnRead();
            CursorIterable<ByteBuffer> it = db.iterate(txn, KeyRange.atLeast(fill(keyBuffer, prefix))))
        {
            for (final CursorIterable.KeyVal<ByteBuffer> kv : it)
            {
                final String key = text(kv.key());
                if (out.size() == limit || !key.startsWith(prefix))
                {
                    break;
                }
                out.add(key);
            }
        }
        return out;
    }

    @Override
    public long reopen()
    {
        env.close();
        final long start = System.nanoTime();
        open();
        return System.nanoTime() - start;
    }

    @Override
    public void close()
    {
        env.close();
    }
}
