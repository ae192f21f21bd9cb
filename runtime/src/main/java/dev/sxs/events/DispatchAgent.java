package dev.sxs.events;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * The dispatch loop of one {@link Partition} as an Agrona {@link Agent}, run by an
 * {@link org.agrona.concurrent.AgentRunner} on an {@link EventThread}: each duty cycle runs the events
 * released by an awaiting former owner, then polls each channel's queue (up to {@value #DEFAULT_BATCH}
 * events per channel, for fairness) and delivers each event to every handler of its channel/topic in
 * turn. When a cycle finds nothing, it first wakes publishers blocked on a full channel (their room may
 * sit in awaiting handlers), then the runner's idle strategy waits.
 * <p>
 * Await support: when a handler running here blocks in {@link Awaiter#await}, {@link #compensate()}
 * hands the partition to a new agent on a compensating thread (marking the key in hand busy, so its
 * later events are held back in order); this agent finishes the event, reports the key released, and
 * ends its runner by throwing {@link AgentTerminationException} from the next duty cycle. Every agent
 * ends the same way once the dispatcher stops.
 * <p>
 * Interrupts: only close interrupts dispatch threads (stragglers in handlers). A handler's stray
 * interrupt is cleared when a cycle finds no work, since Agrona's runner ends on an interrupted idle
 * thread; an interrupt from outside that lands while the thread idles still ends its runner.
 * <p>
 * Journal: an offered event arrives marked {@link Event#journalOnDispatch()}; it is appended here, before its
 * handlers run ({@link JournalHook#appendLate}), and one the journal refuses is discarded (counted) without
 * dispatch. Each offered event handled is told to the {@link ParkingIdleStrategy}, which then parks short while
 * offers keep coming, so offering threads need not wake this one.
 * <p>
 * Threading: {@link #doWork()} runs on {@link #thread} only. Failure: handler exceptions are counted and
 * logged once per distinct error; nothing escapes a duty cycle. Allocation: none per event.
 */
final class DispatchAgent implements Agent
{
    /** Events taken from one channel queue before moving to the next, for fairness between channels. */
    static final int DEFAULT_BATCH = 64;

    private static final AgentTerminationException ENDED =
        new AgentTerminationException("partition handed over or dispatcher stopping", null, true, false, false);

    private final String roleName;
    private final Partition partition;
    private final ChannelState[] channels;
    private final HandlerErrors errors;
    private final EventClock clock;
    private final Lifecycle lifecycle;
    private final Handover handover;
    private final boolean compensating;
    private final ParkingIdleStrategy parking;
    private final JournalHook journal;
    /** The thread running this agent; set before it starts. */
    EventThread thread;
    /** The runner of this agent; set before it starts. */
    AgentRunner runner;
    private boolean compensated;
    private boolean ranDry;
    private int currentKey = -1;

    DispatchAgent(final String roleName, final Partition partition, final IdleStrategy idle,
        final ChannelState[] channels, final HandlerErrors errors, final EventClock clock, final Lifecycle lifecycle,
        final Handover handover, final boolean compensating, final JournalHook journal)
    {
        this.roleName = roleName;
        this.partition = partition;
        this.channels = channels;
        this.errors = errors;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.handover = handover;
        this.compensating = compensating;
        this.journal = journal;
        this.parking = idle instanceof ParkingIdleStrategy p ? p : null;
        if (parking != null)
        {
            parking.wakeCondition(() -> partition.hasWork() || lifecycle.stopping);
        }
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    boolean isCompensating()
    {
        return compensating;
    }

    @Override
    public int doWork()
    {
        if (!serving())
        {
            throw ENDED;
        }
        int work = drainReleased();
        if (serving())
        {
            work += pollQueues();
        }
        if (work > 0)
        {
            ranDry = false;
            return work;
        }
        if (!ranDry)
        {
            // ran dry: publishers blocked on a channel whose units sit in awaiting handlers get room now
            ranDry = true;
            for (final ChannelState state : channels)
            {
                state.wakeBlocked();
            }
        }
        // a handler's stray interrupt is no stop signal (the runner would end on it): stopping is
        Thread.interrupted();
        return 0;
    }

    @Override
    public void onClose()
    {
        handover.ended(this);
    }

    /**
     * @return true while this agent owns the partition and the dispatcher is not stopping. close()
     *         stops only after draining: what is still queued then is counted as discarded.
     */
    private boolean serving()
    {
        return partition.owner == this && !lifecycle.stopping;
    }

    /** Wake this agent's thread if its {@link ParkingIdleStrategy} parked it. */
    void wakeIfParked()
    {
        final ParkingIdleStrategy p = parking;
        if (p != null && p.claimWake())
        {
            LockSupport.unpark(thread);
        }
    }

    /** Wake this agent's thread for an offered event if its {@link ParkingIdleStrategy} parked it until woken. */
    void wakeIfLongParked()
    {
        final ParkingIdleStrategy p = parking;
        if (p != null && p.claimOfferWake())
        {
            LockSupport.unpark(thread);
        }
    }

    /** Wake this agent's thread, whatever it waits in. */
    void wake()
    {
        final Thread t = thread;
        if (t != null)
        {
            LockSupport.unpark(t);
        }
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
        for (int c = 0; c < Partitions.CHANNELS; c++)
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
            final int key = Partitions.keyOf(Partitions.eventOf(item));
            if (p.busy.contains(key) || p.deferred.containsKey(key))
            {
                p.deferred.computeIfAbsent(key, k -> new ArrayDeque<>()).add(item);
                return;
            }
        }
        deliver(item);
    }

    private void deliver(final Object item)
    {
        final boolean replay = item instanceof Replayed;
        final Event event = Partitions.eventOf(item);
        final ChannelState state = channels[event.channel().ordinal()];
        if (parking != null && event.offered() && !replay)
        {
            // offers keep the idle strategy's short parks going, so offering threads need not wake this one
            parking.offerHandled();
        }
        if (!replay && event.journalOnDispatch() && !journal.appendLate(event))
        {
            // an offered event the journal refused is not dispatched: journal first, then handlers, as for a publish
            state.discarded.increment();
            state.release(partition.index);
            return;
        }
        final int key = Partitions.keyOf(event);
        currentKey = key;
        thread.setPublishDepth(event.depth() + 1);
        if (replay)
        {
            thread.setReplaying(true);
        }
        else if ((event.sequence() & DeliveryProbe.SAMPLE_MASK) == 0)
        {
            clock.sample(event);
        }
        long ok = 0;
        long failed = 0;
        for (final Subscription s : state.handlers(event.topic(), event.origin()))
        {
            try
            {
                s.handler().onEvent(event);
                ok++;
            }
            catch (final Throwable t)
            {
                failed++;
                errors.record(t, s);
            }
        }
        if (replay)
        {
            thread.setReplaying(false);
        }
        thread.setPublishDepth(0);
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
     * Called on this agent's thread by a handler about to block in an await: give the partition to a
     * compensating thread.
     *
     * @return true when this thread may block: a compensating thread took over, or this thread holds no
     *     partition's delivery (not in a handler, already handed over, stopping); false when it owns the
     *     partition and the cap on compensating threads is reached.
     */
    boolean compensate()
    {
        final Partition p = partition;
        if (compensated || currentKey < 0 || p.owner != this || lifecycle.stopping)
        {
            return true;
        }
        if (!handover.reserve())
        {
            return false;
        }
        p.busy.add(currentKey);
        compensated = true;
        handover.takeOver(p);
        return true;
    }
}
