package dev.sxs.jmx.metrics;

import java.util.Map;

/**
 * What each sxs metric and each attribute of a Dropwizard metric MBean means, for the descriptions
 * JConsole shows ({@link DescribedMetric}). Stateless.
 */
final class MetricDescriptions
{
    private static final Map<String, String> CHANNEL = Map.of(
        "published", "Events accepted on channel %s (replayed ones included): count and rates per second.",
        "delivered", "Handler invocations on channel %s that completed: count and rates per second.",
        "discarded", "Events on channel %s dropped by the overflow policy (events.overflow), since start.",
        "handlerErrors", "Handler invocations on channel %s that failed (error value or exception), since start.",
        "rejected", "Publications on channel %s refused with queue full, since start.",
        "tooDeep", "Publications on channel %s refused because a handler chain published deeper than "
            + "events.maxDepth, since start.",
        "queueDepth", "Events accepted on channel %s and not yet handled.",
        "latency", "Publish-to-handler latency on channel %s (publication until its handlers start), sampled for "
            + "1 event in 64; percentiles of the last minute in microseconds.");

    private static final Map<String, String> OTHERS = Map.ofEntries(
        Map.entry(MetricNames.SCRIPT_EVALUATIONS, "Scripts evaluated (evals, processor scripts, handler bodies): "
            + "count and rates per second."),
        Map.entry(MetricNames.SCRIPT_BUDGET_OVERRUNS, "Evaluations stopped by their budget (budget.steps or "
            + "budget.millis): count and rates per second."),
        Map.entry(MetricNames.STORE_ENTRIES, "Entries in the store."),
        Map.entry(MetricNames.STORE_OFF_HEAP_BYTES_USED, "Off-heap bytes the store's entries occupy."),
        Map.entry(MetricNames.STORE_OFF_HEAP_BYTES_MAPPED, "Off-heap bytes the store has mapped for its capacity "
            + "(kv.entries), whatever it holds."),
        Map.entry(MetricNames.STORE_READS, "Store reads (get, exists): count and rates per second."),
        Map.entry(MetricNames.STORE_WRITES, "Store writes (set, snx, cas, incr): count and rates per second."),
        Map.entry(MetricNames.STORE_DELETES, "Store deletes: count and rates per second."),
        Map.entry(MetricNames.STORE_ITERATIONS, "Store prefix queries (keys): count and rates per second."),
        Map.entry(MetricNames.JOURNAL_APPENDS, "Records appended to the journal: count and rates per second."),
        Map.entry(MetricNames.JOURNAL_RECORDS, "Records the journal holds (after retention)."),
        Map.entry(MetricNames.JOURNAL_SIZE_ON_DISK, "Bytes of journal files on disk."));

    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
        Map.entry("Count", "How many since the runtime started."),
        Map.entry("MeanRate", "Mean rate since start, per RateUnit."),
        Map.entry("OneMinuteRate", "Exponentially weighted rate over the last minute, per RateUnit."),
        Map.entry("FiveMinuteRate", "Exponentially weighted rate over the last 5 minutes, per RateUnit."),
        Map.entry("FifteenMinuteRate", "Exponentially weighted rate over the last 15 minutes, per RateUnit."),
        Map.entry("RateUnit", "Unit of the rates: events/second."),
        Map.entry("Value", "Current value."),
        Map.entry("Number", "Current value as a number (null when the value is not one)."),
        Map.entry("Min", "Smallest sampled value (durations in DurationUnit)."),
        Map.entry("Max", "Largest sampled value (durations in DurationUnit)."),
        Map.entry("Mean", "Mean of the sampled values (durations in DurationUnit)."),
        Map.entry("StdDev", "Standard deviation of the sampled values (durations in DurationUnit)."),
        Map.entry("50thPercentile", "Median of the sampled values (durations in DurationUnit)."),
        Map.entry("75thPercentile", "75th percentile of the sampled values (durations in DurationUnit)."),
        Map.entry("95thPercentile", "95th percentile of the sampled values (durations in DurationUnit)."),
        Map.entry("98thPercentile", "98th percentile of the sampled values (durations in DurationUnit)."),
        Map.entry("99thPercentile", "99th percentile of the sampled values (durations in DurationUnit)."),
        Map.entry("999thPercentile", "99.9th percentile of the sampled values (durations in DurationUnit)."),
        Map.entry("DurationUnit", "Unit of the durations: microseconds."),
        Map.entry("SnapshotSize", "Number of values in the current sample."));

    private static final Map<String, String> OPERATIONS = Map.of(
        "values", "Every value of the current sample (durations in nanoseconds), for offline analysis.",
        "objectName", "The name this metric MBean is registered under.");

    private MetricDescriptions()
    {
    }

    /**
     * @param metric the metric's name, e.g. {@code channel.A.published} or {@code store.reads.latency}.
     * @return what it measures.
     */
    static String metric(final String metric)
    {
        final String known = OTHERS.get(metric);
        if (known != null)
        {
            return known;
        }
        if (metric.startsWith("channel."))
        {
            final int dot = metric.lastIndexOf('.');
            final String channel = metric.substring("channel.".length(), dot);
            final String what = CHANNEL.get(metric.substring(dot + 1));
            if (what != null)
            {
                return String.format(what, channel);
            }
        }
        if (metric.endsWith(MetricNames.LATENCY))
        {
            final String base = metric.substring(0, metric.length() - MetricNames.LATENCY.length());
            return "Latency of " + base.replace("store.", "store ") + ", 1 operation in 16 timed; percentiles of "
                + "the last minute in microseconds.";
        }
        return "sxs metric " + metric + ".";
    }

    /**
     * @param attribute an attribute of a Dropwizard metric MBean.
     * @return what it shows, or null when unknown.
     */
    static String attribute(final String attribute)
    {
        return ATTRIBUTES.get(attribute);
    }

    /**
     * @param operation an operation of a Dropwizard metric MBean.
     * @return what it returns, or null when unknown.
     */
    static String operation(final String operation)
    {
        return OPERATIONS.get(operation);
    }
}
