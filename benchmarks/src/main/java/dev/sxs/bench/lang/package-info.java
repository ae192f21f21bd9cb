/**
 * Benchmarks of the language: compiled scripts and bodies against the raw store operations they
 * perform ({@code InterpreterBenchmark}), logic without the store against plain Java and stored
 * function calls against the same body inline ({@code LogicBenchmark}), and what the entity checks add
 * to {@code get}, {@code set} and {@code pub} ({@code EntityCheckBenchmark}, and {@code EntityCheckPairBenchmark}
 * timing a checked and a plain call in the same invocation).
 */
package dev.sxs.bench.lang;
