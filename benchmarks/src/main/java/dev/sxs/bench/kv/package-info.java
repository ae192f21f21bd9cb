/**
 * Benchmarks of the key/value store: raw Chronicle Map against {@code ChronicleKvStore}, prefix
 * iteration, the heap footprint of the ordered key index, and the reopen figures ({@code ReopenFigures},
 * with {@code Load}: the load average and the disk blocks a file holds).
 */
package dev.sxs.bench.kv;
