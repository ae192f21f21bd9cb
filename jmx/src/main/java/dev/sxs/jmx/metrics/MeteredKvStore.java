package dev.sxs.jmx.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.sxs.kv.KvStore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link KvStore} decorator that counts every operation by kind (read, write, delete, iteration;
 * a {@link LongAdder} each, a few nanoseconds against a Chronicle Map operation's microsecond) and
 * times one operation in {@link #SAMPLE_EVERY} into an HdrHistogram-backed timer. Registers its
 * meters and timers in the registry given. Threading: as the store it wraps. Failure: exactly the
 * wrapped store's.
 */
public final class MeteredKvStore implements KvStore
{
    /** One operation in this many is timed (a power of two). */
    public static final int SAMPLE_EVERY = 16;

    private final KvStore store;
    private final Kind reads;
    private final Kind writes;
    private final Kind deletes;
    private final Kind iterations;

    /**
     * @param store    the store to measure.
     * @param registry where the meters and timers go.
     */
    public MeteredKvStore(final KvStore store, final MetricRegistry registry)
    {
        this.store = store;
        this.reads = new Kind(registry, MetricNames.STORE_READS);
        this.writes = new Kind(registry, MetricNames.STORE_WRITES);
        this.deletes = new Kind(registry, MetricNames.STORE_DELETES);
        this.iterations = new Kind(registry, MetricNames.STORE_ITERATIONS);
    }

    /** @return the measured store. */
    public KvStore unwrap()
    {
        return store;
    }

    @Override
    public String get(final String key)
    {
        final long start = reads.start();
        try
        {
            return store.get(key);
        }
        finally
        {
            reads.stop(start);
        }
    }

    @Override
    public void put(final String key, final String value)
    {
        final long start = writes.start();
        try
        {
            store.put(key, value);
        }
        finally
        {
            writes.stop(start);
        }
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        final long start = writes.start();
        try
        {
            return store.putIfAbsent(key, value);
        }
        finally
        {
            writes.stop(start);
        }
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        final long start = writes.start();
        try
        {
            return store.replace(key, expected, value);
        }
        finally
        {
            writes.stop(start);
        }
    }

    @Override
    public boolean remove(final String key)
    {
        final long start = deletes.start();
        try
        {
            return store.remove(key);
        }
        finally
        {
            deletes.stop(start);
        }
    }

    @Override
    public boolean containsKey(final String key)
    {
        final long start = reads.start();
        try
        {
            return store.containsKey(key);
        }
        finally
        {
            reads.stop(start);
        }
    }

    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        final long start = iterations.start();
        try
        {
            return store.keys(prefix, offset, limit);
        }
        finally
        {
            iterations.stop(start);
        }
    }

    @Override
    public long size()
    {
        return store.size();
    }

    @Override
    public long capacity()
    {
        return store.capacity();
    }

    @Override
    public long offHeapBytes()
    {
        return store.offHeapBytes();
    }

    @Override
    public long offHeapBytesUsed()
    {
        return store.offHeapBytesUsed();
    }

    @Override
    public Path file()
    {
        return store.file();
    }

    @Override
    public void close()
    {
        store.close();
    }

    /** Count and sampled timer of one kind of operation. */
    private static final class Kind
    {
        private final LongAdder count = new LongAdder();
        private final Timer latency = LatencyTimer.create();

        Kind(final MetricRegistry registry, final String name)
        {
            registry.register(name, new CounterMeter(count::sum));
            registry.register(name + MetricNames.LATENCY, latency);
        }

        long start()
        {
            count.increment();
            return (ThreadLocalRandom.current().nextInt() & (SAMPLE_EVERY - 1)) == 0 ? System.nanoTime() : 0;
        }

        void stop(final long start)
        {
            if (start != 0)
            {
                latency.update(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }
}
