/**
 * JMH benchmark of probes ({@link dev.sxs.bench.probe.ProbeBenchmark}): a host method probed by the real agent
 * (attached to the benchmark's own JVM) against the same method never probed and after {@code probe/off}, with
 * the journal off and on; the host methods are in {@link dev.sxs.bench.probe.Targets}.
 */
package dev.sxs.bench.probe;
