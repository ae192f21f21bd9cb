package dev.sxs.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The seven {@link ChannelState}s of a dispatcher, by channel ordinal (the array its parts index on the
 * hot path), with what is asked of all of them at once: snapshots, the total depth, draining, and waking
 * blocked publishers.
 * <p>
 * Threading: safe from any thread. Allocation: snapshots and {@link #drain}'s idle strategy only.
 */
final class Channels
{
    final ChannelState[] states = new ChannelState[Partitions.CHANNELS];

    /**
     * @param capacity   events one channel may hold.
     * @param partitions partitions, each with its own release counter per channel.
     */
    Channels(final int capacity, final int partitions)
    {
        for (final Channel c : Channel.values())
        {
            states[c.ordinal()] = new ChannelState(c, capacity, partitions);
        }
    }

    /** @return the state of a channel. */
    ChannelState of(final Channel channel)
    {
        return states[channel.ordinal()];
    }

    /** @return snapshots of all seven, in {@link Channel} order. */
    List<ChannelStats> stats()
    {
        final List<ChannelStats> out = new ArrayList<>(states.length);
        for (final ChannelState s : states)
        {
            out.add(s.snapshot());
        }
        return out;
    }

    /** @return events accepted and not yet fully handled, over all channels. */
    long pending()
    {
        long total = 0;
        for (final ChannelState s : states)
        {
            total += s.depth();
        }
        return total;
    }

    /**
     * Wait until nothing is pending.
     *
     * @param timeoutMillis the longest wait.
     * @return true when nothing is pending, false on timeout.
     */
    boolean drain(final long timeoutMillis)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(10),
            TimeUnit.MILLISECONDS.toNanos(1));
        while (pending() > 0)
        {
            if (System.nanoTime() - deadline >= 0)
            {
                return false;
            }
            idle.idle();
        }
        return true;
    }

    /** Wake every publisher blocked on a full channel (close). */
    void wakeBlockedPublishers()
    {
        for (final ChannelState state : states)
        {
            state.wakeBlocked();
        }
    }
}
