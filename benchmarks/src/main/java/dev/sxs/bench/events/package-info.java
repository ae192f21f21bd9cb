/**
 * JMH benchmarks of event dispatch: sustained throughput and fixed-rate publish-to-handler latency
 * (HdrHistogram percentiles) for the sxs dispatcher with each idle strategy, against a
 * {@code ThreadPoolExecutor} fed by an {@code ArrayBlockingQueue} and a raw Agrona queue pipeline
 * (the floor), for one topic and 64 topics, with the journal off and on; and side by side with the peers a user
 * would pick instead ({@link dev.sxs.bench.events.EventPeersBenchmark}: the LMAX Disruptor and Chronicle Queue).
 */
package dev.sxs.bench.events;
