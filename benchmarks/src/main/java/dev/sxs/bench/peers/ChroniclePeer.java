package dev.sxs.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.openhft.chronicle.map.ChronicleMap;

/**
 * Raw Chronicle Map persisted to {@code chronicle.dat}, sized as sxs sizes its store (entries, 17-byte keys,
 * 8-byte values): every write goes to the memory-mapped file, nothing is synced (the durability of sxs).
 * CAS is {@code ChronicleMap.replace(k, old, new)}; a prefix read is a full scan and a sort (no order).
 */
final class ChroniclePeer implements PeerStore
{
    private final Path file;
    private final long entries;
    private ChronicleMap<String, String> map;

    ChroniclePeer(final Path folder, final long entries)
    {
        this.file = folder.resolve("chronicle.dat");
        this.entries = entries;
        open(folder);
    }

    private void open(final Path folder)
    {
        try
        {
            Files.createDirectories(folder);
            map = ChronicleMap.of(String.class, String.class).name("peer").entries(entries).averageKeySize(17)
                .averageValueSize(8).createPersistedTo(file.toFile());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String get(final String key)
    {
        return map.get(key);
    }

    @Override
    public void put(final String key, final String value)
    {
        map.put(key, value);
    }

    @Override
    public void remove(final String key)
    {
        map.remove(key);
    }

    @Override
    public boolean cas(final String key, final String expected, final String value)
    {
        return map.replace(key, expected, value);
    }

    @Override
    public List<String> prefix(final String prefix, final int limit)
    {
        final List<String> out = new ArrayList<>();
        for (final String key : map.keySet())
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
        map.close();
        final long start = System.nanoTime();
        open(file.getParent());
        return System.nanoTime() - start;
    }

    @Override
    public void close()
    {
        map.close();
    }
}
