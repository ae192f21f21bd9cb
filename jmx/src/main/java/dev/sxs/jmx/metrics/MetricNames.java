package dev.sxs.jmx.metrics;

import dev.sxs.events.Channel;

/**
 * The names of the sxs metrics. Over JMX each is the MBean
 * {@code dev.sxs.metrics:name=NAME,type=TYPE} (TYPE = gauges, meters, timers), as Dropwizard's
 * {@code JmxReporter} names them.
 */
public final class MetricNames
{
    /** JMX domain of the metrics. */
    public static final String DOMAIN = "dev.sxs.metrics";

    /** Meter: scripts evaluated (every eval, processor script and handler body run). */
    public static final String SCRIPT_EVALUATIONS = "script.evaluations";
    /** Meter: evaluations stopped by their budget (steps or time). */
    public static final String SCRIPT_BUDGET_OVERRUNS = "script.budgetOverruns";
    /** Requests refused by an entity's grants or limits (a counter meter). */
    public static final String ENTITY_DENIALS = "entity.denials";
    /** Gauge: entries in the store. */
    public static final String STORE_ENTRIES = "store.entries";
    /** Gauge: off-heap bytes the store's entries occupy. */
    public static final String STORE_OFF_HEAP_BYTES_USED = "store.offHeapBytesUsed";
    /** Gauge: off-heap bytes the store has mapped for its capacity. */
    public static final String STORE_OFF_HEAP_BYTES_MAPPED = "store.offHeapBytesMapped";
    /** Meter: store reads (get, containsKey); latency of 1 in 16 in the timer {@code store.reads.latency}. */
    public static final String STORE_READS = "store.reads";
    /** Meter: store writes (put, putIfAbsent, replace); latency sample in {@code store.writes.latency}. */
    public static final String STORE_WRITES = "store.writes";
    /** Meter: store deletes; latency sample in {@code store.deletes.latency}. */
    public static final String STORE_DELETES = "store.deletes";
    /** Meter: prefix queries (keys); latency sample in {@code store.iterations.latency}. */
    public static final String STORE_ITERATIONS = "store.iterations";
    /** Suffix of the sampled latency timer of a store operation kind. */
    public static final String LATENCY = ".latency";
    /** Meter: records appended to the journal. */
    public static final String JOURNAL_APPENDS = "journal.appends";
    /** Gauge: records held by the journal. */
    public static final String JOURNAL_RECORDS = "journal.records";
    /** Gauge: bytes of journal files on disk. */
    public static final String JOURNAL_SIZE_ON_DISK = "journal.sizeOnDisk";

    private MetricNames()
    {
    }

    /**
     * @param channel the channel.
     * @param what    {@code published}, {@code delivered} (meters), {@code discarded},
     *                {@code handlerErrors}, {@code rejected}, {@code tooDeep}, {@code queueDepth} (gauges) or
     *                {@code latency} (timer).
     * @return {@code channel.A.published} and the like.
     */
    public static String channel(final Channel channel, final String what)
    {
        return "channel." + channel.label() + "." + what;
    }
}
