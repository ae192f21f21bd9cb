package dev.sxs.nats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;

/**
 * The local ordered index of the bucket's keys that {@link NatsKvStore#keys} reads: fed by a watch of the whole
 * bucket (every JVM's writes, in revision order) and by this JVM's own acknowledged writes as they return, so
 * a JVM lists its own writes at once and other JVMs' as soon as the watch delivers them (docs/scale-out.md
 * gives the measured delay). Each key keeps the revision of the last change applied, so a change the watch
 * delivers late never undoes a newer one this JVM already applied.
 * <p>
 * Threading: {@link #apply} from any thread (the watch's dispatch thread and writers); one key's changes are
 * applied under that key's lock of a {@link ConcurrentHashMap}. Memory: one entry per key ever seen, deleted
 * keys included (their revision guards against a late put).
 */
final class WatchedKeys implements KeyValueWatcher
{
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<String> ordered = new ConcurrentSkipListSet<>(KeyOrder.INSTANCE);
    private final AtomicLong count = new AtomicLong();
    private final CountDownLatch loaded = new CountDownLatch(1);

    /**
     * Record a change of one key, unless a newer one is known.
     *
     * @param key      the sxs key.
     * @param revision the bucket revision of the change.
     * @param present  true for a put, false for a delete or purge.
     */
    void apply(final String key, final long revision, final boolean present)
    {
        revisions.compute(key, (k, known) ->
        {
            if (known != null && Math.abs(known) >= revision)
            {
                return known;
            }
            if (present ? ordered.add(k) : ordered.remove(k))
            {
                count.addAndGet(present ? 1 : -1);
            }
            return present ? revision : -revision;
        });
    }

    /**
     * @param prefix the key prefix.
     * @param offset keys to skip.
     * @param limit  keys at most.
     * @return the keys in {@link KeyOrder}, a new list.
     */
    List<String> keys(final String prefix, final long offset, final int limit)
    {
        final List<String> out = new ArrayList<>(Math.min(limit, 1024));
        long skip = offset;
        for (final String key : ordered.tailSet(prefix, true))
        {
            if (!key.startsWith(prefix) || out.size() >= limit)
            {
                break;
            }
            if (skip > 0)
            {
                skip--;
            }
            else
            {
                out.add(key);
            }
        }
        return out;
    }

    /** @return the number of keys present. */
    long size()
    {
        return count.get();
    }

    /**
     * @param timeoutMillis how long to wait.
     * @return true once the watch has delivered every key that existed when it started.
     * @throws InterruptedException when interrupted.
     */
    boolean awaitLoaded(final long timeoutMillis) throws InterruptedException
    {
        return loaded.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void watch(final KeyValueEntry entry)
    {
        final String key = KeyCodec.decode(entry.getKey());
        if (key != null)
        {
            apply(key, entry.getRevision(), entry.getOperation() == KeyValueOperation.PUT);
        }
    }

    @Override
    public void endOfData()
    {
        loaded.countDown();
    }
}
