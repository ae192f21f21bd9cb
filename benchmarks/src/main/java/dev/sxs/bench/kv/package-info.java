/**
 * Benchmarks of the key/value store: raw Chronicle Map against {@code ChronicleKvStore}, prefix
 * iteration, and the heap footprint of the ordered key index.
 */
package dev.sxs.bench.kv;
