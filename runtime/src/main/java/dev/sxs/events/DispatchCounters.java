package dev.sxs.events;

import java.util.List;
import java.util.Map;

/**
 * The counting role of a dispatcher: what the channels published, delivered, discarded and hold now, for
 * management (JMX, the CLI, metrics). {@link Dispatcher} implements it.
 * <p>
 * Threading: safe from any thread; counters are read without stopping publishers, so a snapshot of a busy
 * channel is consistent per counter, not across counters. Failure: none. Allocation: the snapshots.
 */
public interface DispatchCounters
{
    /**
     * @param channel a channel.
     * @return a snapshot of its counters.
     */
    ChannelStats stats(Channel channel);

    /** @return snapshots of all seven channels, in {@link Channel} order. */
    List<ChannelStats> stats();

    /** @return each distinct handler error seen (class, message, frame) with its count. */
    Map<String, Long> distinctErrors();

    /** @return the last sequence number assigned. */
    long lastSequence();

    /** @return events accepted and not yet fully handled, over all channels. */
    long pending();
}
