/**
 * Events: the seven channels, topics, the {@link dev.sxs.events.Dispatcher} with its bounded queues,
 * overflow policies, worker threads and idle strategies, subscriptions, the journal hook, replay
 * publishing and {@link dev.sxs.events.Awaiter await}. Independent of the language: handlers are
 * {@link dev.sxs.events.EventHandler}s and payloads are opaque
 * objects (the runtime's wiring chooses the language's values).
 */
package dev.sxs.events;
