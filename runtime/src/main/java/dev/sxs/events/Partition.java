package dev.sxs.events;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

/**
 * One slice of the channel/topic space, served by exactly one thread at a time (its owner). All
 * events of one channel/topic fall into the same partition, which is what keeps them in order.
 * <p>
 * Holds one bounded Agrona MPMC queue per channel (multi-consumer so DISCARD_OLDEST can drop from
 * the publisher's side). When the owner blocks in an await inside a handler, ownership moves to a
 * compensating thread; the key being handled is marked busy and later events of that key are held
 * back ({@link #deferred}) until the old owner reports it finished ({@link #released}).
 * <p>
 * Threading: {@link #busy} and {@link #deferred} are touched only by the current owner; ownership
 * moves by starting the new owner's thread, which publishes them safely. The owner is the
 * {@link DispatchAgent} serving the partition now.
 */
final class Partition
{
    final int index;
    private final int queueCapacity;
    private final AtomicReferenceArray<ManyToManyConcurrentArrayQueue<Object>> queues =
        new AtomicReferenceArray<>(Channel.values().length);
    final ManyToOneConcurrentLinkedQueue<Integer> released = new ManyToOneConcurrentLinkedQueue<>();
    final IntHashSet busy = new IntHashSet();
    final Int2ObjectHashMap<ArrayDeque<Object>> deferred = new Int2ObjectHashMap<>();
    volatile DispatchAgent owner;

    Partition(final int index, final int queueCapacity)
    {
        this.index = index;
        this.queueCapacity = Math.max(2, queueCapacity);
    }

    /** @return the queue of a channel, created on first use. */
    ManyToManyConcurrentArrayQueue<Object> queue(final int channelOrdinal)
    {
        final ManyToManyConcurrentArrayQueue<Object> q = queues.get(channelOrdinal);
        if (q != null)
        {
            return q;
        }
        queues.compareAndSet(channelOrdinal, null, new ManyToManyConcurrentArrayQueue<>(queueCapacity));
        return queues.get(channelOrdinal);
    }

    /** @return the queue of a channel, or null when never used. */
    ManyToManyConcurrentArrayQueue<Object> queueIfPresent(final int channelOrdinal)
    {
        return queues.get(channelOrdinal);
    }

    /** @return true when a queue holds an event or a key was released. */
    boolean hasWork()
    {
        if (!released.isEmpty())
        {
            return true;
        }
        for (int c = 0; c < queues.length(); c++)
        {
            final ManyToManyConcurrentArrayQueue<Object> q = queues.get(c);
            if (q != null && !q.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    /** Wake the owner if it is parked. Call after a full fence following the offer. */
    void wake()
    {
        final DispatchAgent o = owner;
        if (o != null)
        {
            o.wakeIfParked();
        }
    }

    /** Wake the owner if it is in a long park, for an offered event. Call after a full fence following the offer. */
    void wakeForOffer()
    {
        final DispatchAgent o = owner;
        if (o != null)
        {
            o.wakeIfLongParked();
        }
    }

    /** Wake the owner unconditionally (close, release), whatever its idle strategy. */
    void wakeAlways()
    {
        final DispatchAgent o = owner;
        if (o != null)
        {
            o.wake();
        }
    }
}
