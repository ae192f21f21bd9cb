/**
 * JMH benchmarks of sxs and their entry point {@link dev.sxs.bench.BenchMain}; one sub-package per
 * capability. Never run by the tests: see {@code docs/benchmarks.md} for the commands and figures.
 */
package dev.sxs.bench;
