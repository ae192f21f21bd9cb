/**
 * The NATS backend against the raw jnats client on the same server in the same run ({@code NatsBenchmark}),
 * with the embedded backend's figures next to them.
 */
package dev.sxs.bench.nats;
