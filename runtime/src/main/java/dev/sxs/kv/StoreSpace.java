package dev.sxs.kv;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps writes to a persisted store off a full disk. {@code store.dat} is sparse (sxs carries no
 * {@code posix_fallocate}, see docs/agent.md): the file system allocates its blocks as entries arrive, and a
 * write through the memory mapping into a block the file system cannot allocate is a {@code SIGBUS}, which the
 * JVM turns into an {@link InternalError} in the writing thread, or worse. So every write first takes its
 * bytes from an allowance; an exhausted allowance is renewed from the file system's free space, never below
 * {@link #DEFAULT_MIN_FREE_BYTES} free, by {@link #allowanceFor} of the room: a thousandth of it, from
 * {@link #MEASURE_EVERY_BYTES} when the disk is nearly full up to {@link #MAX_MEASURE_EVERY_BYTES} when it has a
 * gigabyte or more. A write the free space cannot cover is refused before Chronicle touches the mapping.
 * <p>
 * Why the allowance grows with the room: a measure is a {@code statfs} (about 1.3 us, as much as a write) under
 * the renewal lock on the writer's thread; at 64 KiB it came every 480 writes of 17-byte keys, in the store's
 * tail. A thousandth of the room is as safe against other writers filling the disk meanwhile.
 * <p>
 * Threading: any number of writers; the allowance is one atomic counter, renewal is serialised. Allocation:
 * none unless it measures (about once per megabyte written on a roomy disk) or refuses.
 */
final class StoreSpace
{
    /** Free bytes the store leaves on its file system (the journal, often in the same folder, keeps as much). */
    static final long DEFAULT_MIN_FREE_BYTES = 4L << 20;
    /** Fewest bytes written between two measures of the free space (a nearly full disk). */
    static final long MEASURE_EVERY_BYTES = 64L << 10;
    /** Most bytes written between two measures of the free space (a disk with a gigabyte or more of room). */
    static final long MAX_MEASURE_EVERY_BYTES = 1L << 20;
    /** The allowance is the room divided by this, within the two bounds above. */
    static final long ROOM_SHARE = 1024;
    /** Bytes a write may take beyond its key and value (entry header, alignment, a new index page). */
    static final long ENTRY_OVERHEAD_BYTES = 64;

    private final Path folder;
    private final UsableBytes usable;
    private final long minFree;
    private final AtomicLong allowance = new AtomicLong();

    /**
     * @param folder  the data folder.
     * @param usable  how the free space is read.
     * @param minFree bytes to leave free.
     */
    StoreSpace(final Path folder, final UsableBytes usable, final long minFree)
    {
        this.folder = folder;
        this.usable = usable;
        this.minFree = minFree;
    }

    /**
     * @param folder the data folder, on the real file system, keeping the default minimum free.
     * @return the guard.
     */
    static StoreSpace of(final Path folder)
    {
        try
        {
            // looked up once: Files.getFileStore reads /proc/mounts on Linux, tens of microseconds per renewal
            final FileStore store = Files.getFileStore(folder);
            return new StoreSpace(folder, path -> store.getUsableSpace(), DEFAULT_MIN_FREE_BYTES);
        }
        catch (final IOException ex)
        {
            return new StoreSpace(folder, path -> Files.getFileStore(path).getUsableSpace(), DEFAULT_MIN_FREE_BYTES);
        }
    }

    /**
     * Take room for one write, or refuse it.
     *
     * @param key   the key written.
     * @param value the value written.
     * @throws KvFullException naming the folder and its free bytes when the write would leave too little free.
     */
    void reserve(final String key, final String value)
    {
        final long bytes = 3L * (key.length() + value.length()) + ENTRY_OVERHEAD_BYTES; // UTF-8: at most 3 per char
        if (allowance.addAndGet(-bytes) >= 0)
        {
            return;
        }
        renew(bytes, key);
    }

    private synchronized void renew(final long bytes, final String key)
    {
        if (allowance.get() >= 0)
        {
            return; // another writer renewed it while this one waited; its bytes are already taken
        }
        final long free;
        try
        {
            free = usable.of(folder);
        }
        catch (final IOException ex)
        {
            allowance.set(MEASURE_EVERY_BYTES - bytes); // a file system that cannot say: write, as before the guard
            return;
        }
        final long room = free - minFree;
        if (room < bytes)
        {
            allowance.set(0);
            throw new KvFullException("store disk full: " + folder + " has " + free + " bytes free and the store "
                + "keeps " + minFree + " free; key '" + (key.length() <= 64 ? key : key.substring(0, 61) + "...")
                + "' not written (store.dat takes disk as keys arrive; free space there)", null);
        }
        allowance.set(allowanceFor(room) - bytes);
    }

    /**
     * @param room free bytes beyond the minimum the store keeps.
     * @return bytes the writers may take before the next measure: {@code room / }{@value #ROOM_SHARE} within
     *     [{@link #MEASURE_EVERY_BYTES}, {@link #MAX_MEASURE_EVERY_BYTES}], and never more than the room.
     */
    static long allowanceFor(final long room)
    {
        return Math.min(room, Math.max(MEASURE_EVERY_BYTES, Math.min(room / ROOM_SHARE, MAX_MEASURE_EVERY_BYTES)));
    }

    /** Where the free space comes from: the file system, or a test's stand-in. */
    @FunctionalInterface
    interface UsableBytes
    {
        /**
         * @param folder the data folder.
         * @return bytes this process may still write on its file system.
         * @throws IOException when the file system cannot say.
         */
        long of(Path folder) throws IOException;
    }
}
