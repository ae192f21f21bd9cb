package dev.sxs.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.sxs.concurrent.SxsThreadFactory;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * Opens a {@link ChronicleKvStore}: in memory, or persisted under its data folder, where it takes the folder's
 * {@link DataFolderLock}, brings {@code store.dat} into a complete state ({@link StoreFile}: created, or
 * recovered when the previous owner died) and chooses where the ordered key index comes from: the index file
 * of the last clean close ({@link CleanShutdown}, {@link IndexFile}: its header is checked before the store is
 * returned), or otherwise a full scan of the map ({@link IndexSource}), either run by the {@code sxs-kv-indexer}
 * thread while the store already serves point operations ({@link InitialBuild}).
 * <p>
 * Threading: one call per store. Failure: whatever was opened is closed again and the lock released.
 */
final class StoreOpener
{
    private StoreOpener()
    {
    }

    /**
     * @param options where the store lives and what it is sized for.
     * @param threads makes the {@code sxs-kv-indexer} thread.
     * @return the open store.
     */
    static ChronicleKvStore open(final KvOptions options, final SxsThreadFactory threads)
    {
        final ChronicleMapBuilder<String, String> builder = ChronicleMap.of(String.class, String.class)
            .name("sxs-store")
            .entries(options.entries())
            .averageKeySize(options.averageKeyBytes())
            .averageValueSize(options.averageValueBytes())
            // sxs closes the map itself (index file, clean marker) and, in an agent, only after a start in
            // progress ends: Chronicle's own exit hook would close it under a running boot script or handler
            .skipCloseOnExitHook(true);
        final Path data = options.folder();
        if (data == null)
        {
            return new ChronicleKvStore(builder.create(), new WriteBehindKeyIndex(new ChunkedKeyIndex(),
                WriteBehindKeyIndex.DEFAULT_CAPACITY, threads), null, null, options, StoreRecovery.NONE, null);
        }
        final DataFolderLock lock = DataFolderLock.acquire(data);
        final Path file = data.resolve(ChronicleKvStore.STORE_FILE);
        final Path marker = data.resolve(ChronicleKvStore.CLEAN_MARKER);
        ChronicleMap<String, String> map = null;
        try
        {
            final boolean clean = CleanShutdown.wasClean(marker);
            final StoreRecovery recovery = StoreFile.prepare(builder, file, !clean);
            map = builder.createPersistedTo(file.toFile());
            final IndexFile.Reader saved = clean ? CleanShutdown.takeIndex(marker, map.longSize()) : null;
            CleanShutdown.discard(marker);
            final IndexSource source = new IndexSource(map, saved);
            return new ChronicleKvStore(map, new WriteBehindKeyIndex(source, WriteBehindKeyIndex.DEFAULT_CAPACITY,
                threads), file, lock, options, recovery, source);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (map != null)
            {
                map.close();
            }
            lock.close();
            if (ex instanceof RuntimeException)
            {
                throw (RuntimeException)ex;
            }
            throw new UncheckedIOException("cannot open store " + file.toAbsolutePath() + ": " + ex.getMessage(),
                (IOException)ex);
        }
    }
}
