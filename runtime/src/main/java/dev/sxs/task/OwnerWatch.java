package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The other runtimes' heartbeats as this runtime sees them ({@link TaskLeases}): each value with the time this
 * runtime first read it, on its own monotonic clock. A heartbeat read unchanged for a lease since then is declared
 * dead with a compare-and-set to {@link TaskLeases#DEAD} (its owner renewed nothing for that long, so it has
 * stopped committing); one already dead is reported as such.
 * <p>
 * Threading: the lease thread only. Failure: store exceptions pass.
 */
final class OwnerWatch
{
    private static final int PAGE = 1024;

    /** A heartbeat value and when this runtime first read it. */
    private record Sighting(String value, long sinceNanos)
    {
    }

    private final KvStore root;
    private final LongSupplier nanos;
    private final long leaseNanos;
    private final Map<String, Sighting> sightings = new HashMap<>();

    /**
     * @param root       the root store.
     * @param nanos      the monotonic clock.
     * @param leaseNanos the lease.
     */
    OwnerWatch(final KvStore root, final LongSupplier nanos, final long leaseNanos)
    {
        this.root = root;
        this.nanos = nanos;
        this.leaseNanos = leaseNanos;
    }

    /**
     * Read every other owner's heartbeat once.
     *
     * @param mine this runtime's heartbeat key (left alone), or null when it has none.
     * @return the heartbeat keys that are dead: declared so now, by this runtime, or before, by any.
     */
    List<String> dead(final String mine)
    {
        final List<String> keys = root.keys(TaskLeases.OWNERS, 0, PAGE);
        sightings.keySet().retainAll(keys);
        final List<String> dead = new ArrayList<>();
        for (final String key : keys)
        {
            final String value = key.equals(mine) ? null : root.get(key);
            final long now = nanos.getAsLong(); // after the read: the owner had written the value by now
            final Sighting seen = sightings.get(key);
            if (value == null)
            {
                continue;
            }
            if (TaskLeases.DEAD.equals(value))
            {
                dead.add(key);
            }
            else if (seen == null || !seen.value().equals(value))
            {
                sightings.put(key, new Sighting(value, now));
            }
            else if (now - seen.sinceNanos() >= leaseNanos && root.replace(key, value, TaskLeases.DEAD))
            {
                dead.add(key);
            }
        }
        return dead;
    }

    /** @param key a heartbeat key removed from the store. */
    void forget(final String key)
    {
        sightings.remove(key);
    }
}
