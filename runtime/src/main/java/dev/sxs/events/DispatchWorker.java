package dev.sxs.events;

import java.util.ArrayDeque;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * The loop of one dispatcher thread serving one {@link Partition}: poll each channel's queue, deliver
 * each event to every handler of its channel/topic in turn, idle when there is nothing to do.
 * <p>
 * Await support: when a handler running here blocks in {@link Awaiter#await}, {@link #compensate()}
 * hands the partition to a new thread (marking the key in hand busy) so the partition keeps moving;
 * this thread finishes the event, reports the key released, and ends.
 * <p>
 * Threading: {@link #run()} runs on {@link #thread} only. Failure: handler exceptions are counted and
 * logged once per distinct error; nothing escapes the loop.
 */
final class DispatchWorker implements Runnable
{
    /** Events taken from one channel queue before moving to the next, for fairness between channels. */
    static final int DEFAULT_BATCH = 64;
    /** Idle calls a backoff worker spends spinning before it parks (and needs waking); blocking workers park at once. */
    static final int DEFAULT_SPIN_PHASE = 20;

    private final Dispatcher dispatcher;
    private final Partition partition;
    final EventThread thread;
    private final IdleStrategy idle;
    private final boolean parks;
    private final int spinPhase;
    private final boolean compensating;
    volatile boolean sleeping;
    private boolean compensated;
    private int currentKey = -1;

    DispatchWorker(final Dispatcher dispatcher, final Partition partition, final String name, final IdleMode mode,
        final boolean compensating)
    {
        this.dispatcher = dispatcher;
        this.partition = partition;
        this.idle = Dispatcher.idleFor(mode);
        this.parks = mode != IdleMode.BUSY_SPIN;
        this.spinPhase = mode == IdleMode.BACKOFF ? DEFAULT_SPIN_PHASE : 0;
        this.compensating = compensating;
        this.thread = new EventThread(this, name);
        this.thread.worker = this;
    }

    boolean isCompensating()
    {
        return compensating;
    }

    @Override
    public void run()
    {
        try
        {
            loop();
        }
        finally
        {
            dispatcher.workerExited(this);
        }
    }

    private void loop()
    {
        final Partition p = partition;
        int idleCount = 0;
        while (serving())
        {
            int work = drainReleased();
            if (!serving())
            {
                return;
            }
            work += pollQueues();
            if (!serving())
            {
                return;
            }
            if (work > 0)
            {
                idleCount = 0;
                idle.reset();
                continue;
            }
            if (dispatcher.isStopping())
            {
                return;
            }
            if (idleCount == 0)
            {
                // ran dry: publishers blocked on a channel whose units sit in awaiting handlers get room now
                dispatcher.wakeBlockedPublishers();
            }
            idleCount++;
            if (parks && idleCount > spinPhase)
            {
                sleeping = true;
                if (!p.hasWork() && !dispatcher.isStopping())
                {
                    idle.idle(0);
                }
                sleeping = false;
            }
            else
            {
                idle.idle(0);
            }
        }
    }

    /**
     * @return true while this thread owns the partition and the dispatcher is not stopping. close()
     *         stops only after draining: what is still queued then is counted as discarded.
     */
    private boolean serving()
    {
        return partition.owner == this && !dispatcher.isStopping();
    }

    private int drainReleased()
    {
        final Partition p = partition;
        int work = 0;
        Integer key;
        while ((key = p.released.poll()) != null)
        {
            work++;
            p.busy.remove(key.intValue());
            runDeferred(key);
            if (!serving())
            {
                return work;
            }
        }
        return work;
    }

    private void runDeferred(final int key)
    {
        final Partition p = partition;
        final ArrayDeque<Object> held = p.deferred.get(key);
        if (held == null)
        {
            return;
        }
        while (true)
        {
            if (held.isEmpty())
            {
                p.deferred.remove(key);
                return;
            }
            if (p.busy.contains(key))
            {
                return;
            }
            deliver(held.poll());
            if (!serving())
            {
                return;
            }
        }
    }

    private int pollQueues()
    {
        final Partition p = partition;
        int work = 0;
        for (int c = 0; c < Dispatcher.CHANNELS; c++)
        {
            final ManyToManyConcurrentArrayQueue<Object> q = p.queueIfPresent(c);
            if (q == null)
            {
                continue;
            }
            for (int i = 0; i < DEFAULT_BATCH; i++)
            {
                final Object item = q.poll();
                if (item == null)
                {
                    break;
                }
                work++;
                route(item);
                if (!serving())
                {
                    return work;
                }
            }
        }
        return work;
    }

    private void route(final Object item)
    {
        final Partition p = partition;
        if (!p.busy.isEmpty())
        {
            final int key = Dispatcher.keyOf(eventOf(item));
            if (p.busy.contains(key) || p.deferred.containsKey(key))
            {
                p.deferred.computeIfAbsent(key, k -> new ArrayDeque<>()).add(item);
                return;
            }
        }
        deliver(item);
    }

    private static Event eventOf(final Object item)
    {
        return item instanceof Event e ? e : ((Replayed)item).event();
    }

    private void deliver(final Object item)
    {
        final boolean replay = !(item instanceof Event);
        final Event event = replay ? ((Replayed)item).event() : (Event)item;
        final ChannelState state = dispatcher.state(event.channel());
        final int key = Dispatcher.keyOf(event);
        currentKey = key;
        if (replay)
        {
            thread.setReplaying(true);
        }
        else if ((event.sequence() & DeliveryProbe.SAMPLE_MASK) == 0)
        {
            final DeliveryProbe probe = dispatcher.probe();
            if (probe != null)
            {
                try
                {
                    probe.sampled(event.channel(), dispatcher.now() - event.timestampNanos());
                }
                catch (final Throwable ignored)
                {
                    // a metrics probe must never cost a delivery or a worker
                }
            }
        }
        long ok = 0;
        long failed = 0;
        for (final Subscription s : state.handlers(event.topic()))
        {
            try
            {
                s.handler().onEvent(event);
                ok++;
            }
            catch (final Throwable t)
            {
                failed++;
                dispatcher.recordError(t, s);
            }
        }
        if (replay)
        {
            thread.setReplaying(false);
        }
        currentKey = -1;
        if (ok > 0)
        {
            state.delivered.add(ok);
        }
        if (failed > 0)
        {
            state.handlerErrors.add(failed);
        }
        if (compensated)
        {
            partition.released.offer(key);
            partition.wakeAlways();
        }
        state.release(partition.index);
    }

    /**
     * Called on this worker's thread by a handler about to block: give the partition to a new thread.
     *
     * @return true when a compensating thread took over.
     */
    boolean compensate()
    {
        final Partition p = partition;
        if (compensated || currentKey < 0 || p.owner != this || dispatcher.isStopping()
            || !dispatcher.tryReserveCompensator())
        {
            return false;
        }
        p.busy.add(currentKey);
        compensated = true;
        final DispatchWorker next = dispatcher.newCompensator(p);
        p.owner = next;
        dispatcher.startWorker(next);
        return true;
    }
}
