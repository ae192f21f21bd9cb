/**
 * Events: the seven channels, topics, and the {@link dev.sxs.events.Dispatcher}, a facade over its parts:
 * the publishing side ({@code Publisher}: validation, sequence, journal hand-off, capacity, awaiters),
 * the per-channel queues split into partitions ({@code Partitions}, {@code Partition}), the dispatch loop
 * of each partition as an Agrona {@code Agent} ({@code DispatchAgent}) run by an {@code AgentRunner} on
 * threads of the {@link dev.sxs.concurrent.SxsThreadFactory} ({@code WorkerPool}, with await
 * compensation), subscriptions and {@link dev.sxs.events.Awaiter awaiters}. Its roles are interfaces:
 * {@link dev.sxs.events.EventPublisher}, {@link dev.sxs.events.HandlerRegistry},
 * {@link dev.sxs.events.EventAwaits}, {@link dev.sxs.events.DispatchCounters} and
 * {@link dev.sxs.events.ChannelSinkBinder}. The strategy families:
 * idle strategies are Agrona {@code IdleStrategy}s ({@link dev.sxs.events.ParkingIdleStrategy} is sxs's
 * parking backoff with publisher wake-up), overflow strategies implement
 * {@link dev.sxs.events.OverflowStrategy}; {@link dev.sxs.events.DispatcherStrategies} injects them.
 * Channel sinks ({@link dev.sxs.events.ChannelSink}, bound through a typed
 * {@link dev.sxs.events.ChannelBinding}) replace the workers of a whole channel. Independent of the
 * language: handlers are {@link dev.sxs.events.EventHandler}s and payloads are opaque objects (the
 * runtime's wiring chooses the language's values).
 */
package dev.sxs.events;
