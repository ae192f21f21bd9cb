/**
 * JMH benchmarks of the event journal: append against a raw Chronicle Queue append, and replay to the
 * print sink against a bare tailer, each in the same run.
 */
package dev.sxs.bench.journal;
