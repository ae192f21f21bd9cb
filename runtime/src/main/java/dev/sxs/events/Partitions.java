package dev.sxs.events;

import java.util.ArrayDeque;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * The per-channel queues of a dispatcher, split into {@link Partition}s: which partition a
 * channel/topic falls into ({@code (topic + channel) mod partitions}, so one channel/topic keeps its
 * order), the offer of a queued item with the wake-up of a parked owner, the oldest queued event of a
 * channel (for {@link DiscardOldestOverflowStrategy}), and the leftovers counted as discarded at close.
 * <p>
 * A queued item is the {@link Event} itself (an offer with a journal is marked
 * {@link Event#journalOnDispatch()}: the dispatch thread journals it before its handlers run) or a
 * {@link Replayed} wrapping it (dispatched with the replay flag, never journaled).
 * <p>
 * Threading: {@link #offer} from any publisher thread; see {@link Partition} for the owner's side.
 * Allocation: none (a channel's queue is made on its first use in a partition).
 */
final class Partitions
{
    static final int CHANNELS = Channel.values().length;

    private final Partition[] partitions;
    private final boolean wakeOnOffer;

    /**
     * @param count         partitions (one per worker).
     * @param queueCapacity capacity of each queue (a channel's depth bounds all of its queues together).
     * @param wakeOnOffer   false when no owner ever parks waiting for a wake-up (all workers busy-spin).
     */
    Partitions(final int count, final int queueCapacity, final boolean wakeOnOffer)
    {
        this.partitions = new Partition[count];
        for (int i = 0; i < count; i++)
        {
            partitions[i] = new Partition(i, queueCapacity);
        }
        this.wakeOnOffer = wakeOnOffer;
    }

    /** @return how many partitions. */
    int count()
    {
        return partitions.length;
    }

    /** @return partition {@code index}. */
    Partition get(final int index)
    {
        return partitions[index];
    }

    /** @return the partition of a channel/topic. */
    Partition of(final Channel channel, final int topic)
    {
        return partitions[(topic + channel.ordinal()) % partitions.length];
    }

    /**
     * Queue an item in its channel/topic's partition and wake the owner if it parked: for an offered event
     * only from a long park (a short park ends by itself soon, see {@link ParkingIdleStrategy}).
     *
     * @param event the event.
     * @param item  the event, or its {@link Replayed} wrapper.
     * @return false when the queue was full (cannot happen while the channel's depth bounds its queues).
     */
    boolean offer(final Event event, final Object item)
    {
        final Partition p = of(event.channel(), event.topic());
        if (!p.queue(event.channel().ordinal()).offer(item))
        {
            return false;
        }
        if (wakeOnOffer)
        {
            // No fence needed: the offer's CAS on the queue tail is a full barrier before this read of
            // the owner's flag, and the owner re-reads the tail after raising its flag (Dekker).
            if (event.offered())
            {
                p.wakeForOffer();
            }
            else
            {
                p.wake();
            }
        }
        return true;
    }

    /**
     * Drop the oldest queued event of a channel, over all partitions (by sequence number).
     *
     * @param channelOrdinal the channel.
     * @return true when one was dropped.
     */
    boolean dropOldest(final int channelOrdinal)
    {
        ManyToManyConcurrentArrayQueue<Object> oldest = null;
        long oldestSequence = Long.MAX_VALUE;
        for (final Partition p : partitions)
        {
            final ManyToManyConcurrentArrayQueue<Object> q = p.queueIfPresent(channelOrdinal);
            final Object head = q == null ? null : q.peek();
            if (head != null)
            {
                final long s = eventOf(head).sequence();
                if (s < oldestSequence)
                {
                    oldestSequence = s;
                    oldest = q;
                }
            }
        }
        return oldest != null && oldest.poll() != null;
    }

    /** @return true when an event of the channel is queued in some partition. */
    boolean anyQueued(final int channelOrdinal)
    {
        for (final Partition p : partitions)
        {
            final ManyToManyConcurrentArrayQueue<Object> q = p.queueIfPresent(channelOrdinal);
            if (q != null && !q.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    /** Wake every owner, parked or not (close). */
    void wakeAll()
    {
        for (final Partition p : partitions)
        {
            p.wakeAlways();
        }
    }

    /**
     * Count every event still queued or held back as discarded and give its unit back. Call only when
     * no dispatch thread runs any more (close, after joining them).
     *
     * @param channels the channels' states, by ordinal.
     */
    void discardLeftovers(final ChannelState[] channels)
    {
        for (final Partition p : partitions)
        {
            for (int c = 0; c < CHANNELS; c++)
            {
                final ManyToManyConcurrentArrayQueue<Object> q = p.queueIfPresent(c);
                Object item;
                while (q != null && (item = q.poll()) != null)
                {
                    discard(channels, item);
                }
            }
            for (final ArrayDeque<Object> held : p.deferred.values())
            {
                for (final Object item : held)
                {
                    discard(channels, item);
                }
            }
            p.deferred.clear();
        }
    }

    private static void discard(final ChannelState[] channels, final Object item)
    {
        final ChannelState s = channels[eventOf(item).channel().ordinal()];
        s.discarded.increment();
        s.releaseExtra();
    }

    /** @return the key of an event's channel/topic: channel ordinal in the high bits, topic in the low 16. */
    static int keyOf(final Event event)
    {
        return (event.channel().ordinal() << 16) | event.topic();
    }

    /** @return the event of a queued item. */
    static Event eventOf(final Object item)
    {
        return item instanceof Event e ? e : ((Replayed)item).event();
    }
}
