/**
 * Dropwizard Metrics for one runtime, reported over JMX under {@code dev.sxs.metrics}: rates derived
 * from the runtime's existing counters (no cost on the hot path), gauges, and sampled latency timers
 * backed by HdrHistogram; every metric MBean is described ({@code DescribingMBeanServer}). Names are listed in {@link dev.sxs.jmx.metrics.MetricNames} and in
 * {@code docs/operations.md}.
 */
package dev.sxs.jmx.metrics;
