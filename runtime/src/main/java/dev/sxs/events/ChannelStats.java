package dev.sxs.events;

/**
 * A snapshot of one channel's counters. Counters only grow (but see {@code published}); each is
 * exact on its own, but the snapshot is not atomic across counters.
 *
 * @param channel       the channel.
 * @param published     events published: accepted (journaled and queued; counted from the moment a
 *                      publication takes capacity, and taken back in the rare case the journal then refuses
 *                      it) or dropped at once by DISCARD_NEWEST. For every overflow policy, with one handler
 *                      per event: {@code published = delivered + discarded + handlerErrors + queueDepth}.
 * @param delivered     handler invocations that completed normally (for a sink-bound channel: events it
 *                      completed normally).
 * @param discarded     events dropped by an overflow policy or left undelivered at close.
 * @param handlerErrors handler invocations that threw (or, for a sink, completed with failure).
 * @param suppressed    publications suppressed because they came from a replayed event's handler.
 * @param rejected      publications refused because the queue was full.
 * @param queueDepth    events accepted and not yet fully handled (queued, deferred or in a handler).
 * @param subscriptions handlers currently registered on the channel.
 * @param tooDeep       publications refused because their causal depth exceeded the maximum.
 */
public record ChannelStats(
    Channel channel,
    long published,
    long delivered,
    long discarded,
    long handlerErrors,
    long suppressed,
    long rejected,
    long queueDepth,
    int subscriptions,
    long tooDeep)
{
}
