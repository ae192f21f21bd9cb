package dev.sxs.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rocksdb.OptimisticTransactionDB;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Transaction;
import org.rocksdb.WriteOptions;

/**
 * RocksDB JNI, opened as an {@code OptimisticTransactionDB} (reads and writes go straight to the database; the
 * transaction layer serves CAS only), default {@code Options} (64 MiB memtable, Snappy compression, 8 MiB block
 * cache) plus {@code createIfMissing}. Writes go through the write-ahead log without syncing
 * ({@code WriteOptions.sync=false}: a returned write survives the death of the process, not of the machine, as
 * in sxs); the {@code -sync} variant sets {@code sync=true} (fsync of the log per write).
 * CAS has no native form: an optimistic transaction ({@code getForUpdate}, compare, {@code put}, {@code commit}).
 * A prefix read seeks an iterator.
 */
final class RocksPeer implements PeerStore
{
    static
    {
        RocksDB.loadLibrary();
    }

    private final Path folder;
    private final Options options = new Options().setCreateIfMissing(true);
    private final WriteOptions write;
    private final ReadOptions read = new ReadOptions();
    private OptimisticTransactionDB db;
    private Transaction txn;

    RocksPeer(final Path folder, final boolean sync)
    {
        this.folder = folder;
        this.write = new WriteOptions().setSync(sync);
        open();
    }

    private void open()
    {
        try
        {
            Files.createDirectories(folder);
            db = OptimisticTransactionDB.open(options, folder.toString());
            txn = null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final RocksDBException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String get(final String key)
    {
        try
        {
            final byte[] value = db.get(read, utf8(key));
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
        catch (final RocksDBException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void put(final String key, final String value)
    {
        try
        {
            db.put(write, utf8(key), utf8(value));
        }
        catch (final RocksDBException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void remove(final String key)
    {
        try
        {
            db.delete(write, utf8(key));
        }
        catch (final RocksDBException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public boolean cas(final String key, final String expected, final String value)
    {
        txn = txn == null ? db.beginTransaction(write) : db.beginTransaction(write, txn);
        try
        {
            final byte[] k = utf8(key);
            final byte[] current = txn.getForUpdate(read, k, true);
            if (current == null || !Arrays.equals(current, utf8(expected)))
            {
                txn.rollback();
                return false;
            }
            txn.put(k, utf8(value));
            txn.commit();
            return true;
        }
        catch (final RocksDBException ex)
        {
            return false; // a conflicting write won: the CAS failed
        }
    }

    @Override
    public List<String> prefix(final String prefix, final int limit)
    {
        final List<String> out = new ArrayList<>(limit);
        final byte[] p = utf8(prefix);
        try (RocksIterator it = db.newIterator(read))
        {
            for (it.seek(p); it.isValid() && out.size() < limit; it.next())
            {
                final byte[] key = it.key();
                if (key.length < p.length || !Arrays.equals(key, 0, p.length, p, 0, p.length))
                {
                    break;
                }
                out.add(new String(key, StandardCharsets.UTF_8));
            }
        }
        return out;
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
        write.close();
        read.close();
        options.close();
    }

    private void closeDb()
    {
        if (txn != null)
        {
            txn.close();
        }
        db.close();
    }
}
