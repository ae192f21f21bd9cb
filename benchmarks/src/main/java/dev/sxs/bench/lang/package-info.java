/**
 * Benchmarks of the language: compiled scripts and bodies against the raw store operations they
 * perform ({@code InterpreterBenchmark}), and logic without the store against plain Java and stored
 * function calls against the same body inline ({@code LogicBenchmark}).
 */
package dev.sxs.bench.lang;
