/**
 * The NATS JetStream backend ({@code backend=nats}): {@link dev.sxs.nats.NatsKvStore}, the sxs store on a JetStream
 * key/value bucket that every JVM naming the bucket shares; {@link dev.sxs.nats.NatsBackend}, the
 * {@link dev.sxs.runtime.Backend} provider the runtime finds by name; {@link dev.sxs.nats.NatsConnector}, one
 * connection from the {@code nats.*} settings with threads from sxs's factory; {@link dev.sxs.nats.KeyCodec}, the
 * reversible mapping of any sxs key onto the characters NATS allows; {@link dev.sxs.nats.WatchedKeys}, the local
 * ordered key index fed by a watch of the bucket. Imports the runtime module; the runtime imports nothing from
 * here. See docs/scale-out.md.
 */
package dev.sxs.nats;
