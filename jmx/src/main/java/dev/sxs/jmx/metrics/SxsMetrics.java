package dev.sxs.jmx.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.jmx.JmxReporter;
import dev.sxs.events.Channel;
import dev.sxs.events.DeliveryProbe;
import dev.sxs.jmx.access.ChannelAccess;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.JournalAccess;
import dev.sxs.jmx.access.StoreAccess;

import javax.management.MBeanServer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The metrics of one runtime: one {@link MetricRegistry}, reported over JMX by Dropwizard's
 * {@link JmxReporter} under {@link MetricNames#DOMAIN}, each metric MBean described (what it measures, what
 * each attribute shows) through {@link DescribingMBeanServer}.
 * <p>
 * Cost on the hot path: channel, journal and evaluation rates are {@link CounterMeter}s over counters
 * the runtime keeps anyway, and the gauges read existing state, so they cost nothing until read;
 * publish-to-handler latency is recorded for one event in {@link DeliveryProbe#SAMPLE_EVERY} through
 * {@link #deliveryProbe()} into wait-free HdrHistogram timers; store operations are counted by a
 * {@link MeteredKvStore} the runtime's owner wraps around its store ({@link #meter}).
 * <p>
 * Threading: build and start from one thread; the probe and the metered store are used from any
 * thread. {@link #close()} stops reporting and unregisters the metric MBeans; idempotent.
 */
public final class SxsMetrics implements AutoCloseable
{
    private final MetricRegistry registry = new MetricRegistry();
    private final Map<Channel, Timer> latency = new EnumMap<>(Channel.class);
    private final Timer[] latencyByOrdinal = new Timer[Channel.values().length];
    private JmxReporter reporter;

    /**
     * A registry with the latency timers; {@link #watch} adds the rest once the runtime runs.
     */
    public SxsMetrics()
    {
        for (final Channel c : Channel.values())
        {
            final Timer timer = LatencyTimer.create();
            registry.register(MetricNames.channel(c, "latency"), timer);
            latency.put(c, timer);
            latencyByOrdinal[c.ordinal()] = timer;
        }
    }

    /**
     * Count the entities' denials ({@code entity.denials}). Call once.
     *
     * @param denials denials since start.
     * @return this.
     */
    public SxsMetrics watchDenials(final LongSupplier denials)
    {
        registry.register(MetricNames.ENTITY_DENIALS, new CounterMeter(denials));
        return this;
    }

    /**
     * Define the metrics read from the runtime's views. Call once.
     *
     * @param channels       the dispatcher's counters.
     * @param store          the store (gauges).
     * @param journal        the journal (gauges).
     * @param journalAppends records appended to the journal so far.
     * @param evaluations    script evaluation counters.
     * @return this.
     */
    public SxsMetrics watch(
        final ChannelAccess channels,
        final StoreAccess store,
        final JournalAccess journal,
        final LongSupplier journalAppends,
        final EvaluationCounters evaluations)
    {
        for (final Channel c : Channel.values())
        {
            registry.register(MetricNames.channel(c, "published"),
                new CounterMeter(() -> channels.counters(c).published()));
            registry.register(MetricNames.channel(c, "delivered"),
                new CounterMeter(() -> channels.counters(c).delivered()));
            registry.register(MetricNames.channel(c, "discarded"), (Gauge<Long>)() -> channels.counters(c).discarded());
            registry.register(MetricNames.channel(c, "handlerErrors"), (Gauge<Long>)() -> channels.counters(c)
                .handlerErrors());
            registry.register(MetricNames.channel(c, "rejected"), (Gauge<Long>)() -> channels.counters(c).rejected());
            registry.register(MetricNames.channel(c, "tooDeep"), (Gauge<Long>)() -> channels.counters(c).tooDeep());
            registry.register(MetricNames.channel(c, "queueDepth"), (Gauge<Long>)() -> channels.counters(c)
                .queueDepth());
        }
        registry.register(MetricNames.STORE_ENTRIES, (Gauge<Long>)store::entries);
        registry.register(MetricNames.STORE_OFF_HEAP_BYTES_USED, (Gauge<Long>)store::offHeapBytesUsed);
        registry.register(MetricNames.STORE_OFF_HEAP_BYTES_MAPPED, (Gauge<Long>)store::offHeapBytesMapped);
        registry.register(MetricNames.JOURNAL_APPENDS, new CounterMeter(journalAppends));
        registry.register(MetricNames.JOURNAL_RECORDS, (Gauge<Long>)journal::records);
        registry.register(MetricNames.JOURNAL_SIZE_ON_DISK, (Gauge<Long>)journal::sizeOnDisk);
        registry.register(MetricNames.SCRIPT_EVALUATIONS, new CounterMeter(evaluations::evaluations));
        registry.register(MetricNames.SCRIPT_BUDGET_OVERRUNS, new CounterMeter(evaluations::budgetOverruns));
        return this;
    }

    /** @return the registry (one per runtime). */
    public MetricRegistry registry()
    {
        return registry;
    }

    /**
     * @return the probe to install on the dispatcher; it records sampled publish-to-handler latency
     * into {@code channel.X.latency}. Wait-free, allocation-free.
     */
    public DeliveryProbe deliveryProbe()
    {
        return (channel, nanos) -> latencyByOrdinal[channel.ordinal()].update(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * @param channel a channel.
     * @return its latency timer.
     */
    public Timer latency(final Channel channel)
    {
        return latency.get(channel);
    }

    /**
     * Wrap a store so its operations are counted and sampled into {@code store.*} metrics. Call at
     * most once per registry.
     *
     * @param store the runtime's store.
     * @return the metered store to give the runtime.
     */
    public MeteredKvStore meter(final dev.sxs.kv.KvStore store)
    {
        return new MeteredKvStore(store, registry);
    }

    /**
     * Start reporting over JMX.
     *
     * @param server the MBean server.
     * @return this.
     */
    public synchronized SxsMetrics startReporting(final MBeanServer server)
    {
        if (reporter == null)
        {
            reporter = JmxReporter.forRegistry(registry)
                .inDomain(MetricNames.DOMAIN)
                .registerWith(DescribingMBeanServer.wrap(server))
                .convertDurationsTo(TimeUnit.MICROSECONDS)
                .convertRatesTo(TimeUnit.SECONDS)
                .build();
            reporter.start();
        }
        return this;
    }

    /**
     * Stop reporting; the metric MBeans are unregistered. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (reporter != null)
        {
            reporter.close();
            reporter = null;
        }
    }
}
