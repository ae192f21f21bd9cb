/**
 * Benchmarks of the language: compiled scripts and bodies against the raw store operations they
 * perform.
 */
package dev.sxs.bench.lang;
