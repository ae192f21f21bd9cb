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
 * <p>
 * Loading: the index counts as loaded once the watch delivered the key it sent with nothing pending after it, or,
 * for a bucket that was empty when the store opened, at the watch's end of data. jnats' own end of data cannot be
 * trusted for a bucket with keys: it is also sent from the subscribing thread when the server has delivered
 * everything, while those keys may still wait in the client's dispatcher queue.
 */
final class WatchedKeys implements KeyValueWatcher
{
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<String> ordered = new ConcurrentSkipListSet<>(KeyOrder.INSTANCE);
    private final AtomicLong count = new AtomicLong();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final boolean startedEmpty;

    /**
     * @param startedEmpty true when the bucket held no entry (delete markers count as entries) before the watch
     *                     began, so the watch's end of data means loaded.
     */
    WatchedKeys(final boolean startedEmpty)
    {
        this.startedEmpty = startedEmpty;
    }

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
        received(KeyCodec.decode(entry.getKey()), entry.getRevision(), entry.getOperation() == KeyValueOperation.PUT,
            entry.getDelta());
    }

    /**
     * Apply one change the watch delivered.
     *
     * @param key      the sxs key, or null when the bucket's key is not one sxs wrote.
     * @param revision the change's bucket revision.
     * @param present  true for a put.
     * @param pending  how many changes the watch still had to deliver after it when sent.
     */
    void received(final String key, final long revision, final boolean present, final long pending)
    {
        if (key != null)
        {
            apply(key, revision, present);
        }
        if (pending == 0)
        {
            loaded.countDown();
        }
    }

    @Override
    public void endOfData()
    {
        if (startedEmpty)
        {
            loaded.countDown();
        }
    }
}
