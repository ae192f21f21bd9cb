package dev.sxs.events;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.SleepingIdleStrategy;

/**
 * The event dispatcher: seven channels, topics 0..65535, handlers, bounded queues with an overflow
 * policy, worker threads, the journal hook, replay publishing and await.
 * <p>
 * Guarantees: every handler registered on a channel/topic when an event is dispatched runs once for
 * it; one channel/topic's events reach each handler in publish order (all events of a channel/topic
 * go to one partition, served by one thread at a time); different partitions run in parallel.
 * Accepted events are handed to the {@link EventJournal} exactly once, before dispatch, in sequence
 * order. Every event is accounted for: delivered, discarded (counted), or still in the queue depth.
 * <p>
 * Threading: every public method is safe from any thread. Failure: publishing never throws; it
 * returns a sequence number or a negative {@link Publication} code. Handler exceptions are counted
 * and logged once per distinct error, and never stop a worker. Allocation on the publish path: the
 * {@link Event} record only.
 */
public final class Dispatcher implements AutoCloseable
{
    /** How long {@link #close()} waits for queued events to be handled. */
    public static final long DEFAULT_DRAIN_TIMEOUT_MILLIS = 5000;
    /** How long {@link #close()} waits for each thread to end. */
    public static final long DEFAULT_JOIN_TIMEOUT_MILLIS = 2000;
    /** Longest park of an idle worker; publishers wake it earlier. Bounds the cost of a lost wake-up. */
    public static final long DEFAULT_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final int CHANNELS = Channel.values().length;
    private static final System.Logger LOG = System.getLogger("dev.sxs.events");

    private final DispatcherOptions options;
    private final EventJournal journal;
    private final ChannelState[] channels = new ChannelState[CHANNELS];
    private final Partition[] partitions;
    private final ReentrantLock publishLock = new ReentrantLock();
    private final AtomicLong sequence = new AtomicLong();
    private final long wallNanosBase;
    private final long monoNanosBase;
    private final Subscriptions subscriptions = new Subscriptions(channels);
    private final Awaiters awaiters = new Awaiters();
    private final Overflow overflow;
    private final HandlerErrors errors = new HandlerErrors(HandlerErrors.DEFAULT_MAX_DISTINCT);
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger compensators = new AtomicInteger();
    private final AtomicInteger compensatorNames = new AtomicInteger();
    private final int spinningWorkers;
    private final boolean anyParking;
    private volatile boolean closed;
    private volatile boolean stopping;
    private volatile DeliveryProbe probe;

    private Dispatcher(final DispatcherOptions options, final EventJournal journal)
    {
        this.options = Objects.requireNonNull(options, "options");
        this.journal = journal;
        for (final Channel c : Channel.values())
        {
            channels[c.ordinal()] = new ChannelState(c, options.queueCapacity(), options.workers());
        }
        final long wall = System.currentTimeMillis();
        this.monoNanosBase = System.nanoTime();
        this.wallNanosBase = TimeUnit.MILLISECONDS.toNanos(wall);
        this.partitions = new Partition[options.workers()];
        int spinning = 0;
        if (options.idle() == IdleMode.BUSY_SPIN)
        {
            spinning = Math.min(options.workers(), options.maxSpinningWorkers());
            if (spinning < options.workers())
            {
                LOG.log(System.Logger.Level.INFO, "sxs dispatcher: busy-spin requested for " + options.workers()
                    + " workers, but at most " + options.maxSpinningWorkers() + " may spin (availableProcessors "
                    + Runtime.getRuntime().availableProcessors() + " - 2); " + spinning + " spin, "
                    + (options.workers() - spinning) + " back off");
            }
        }
        this.spinningWorkers = spinning;
        this.anyParking = spinning < options.workers();
        for (int i = 0; i < partitions.length; i++)
        {
            partitions[i] = new Partition(i, options.queueCapacity());
        }
        this.overflow = new Overflow(options, partitions, () -> closed);
    }

    /**
     * Create a dispatcher and start its workers ({@code sxs-dispatch-N}, daemon).
     *
     * @param options settings.
     * @param journal the journal hook, or null for none.
     * @return the running dispatcher.
     */
    public static Dispatcher start(final DispatcherOptions options, final EventJournal journal)
    {
        final Dispatcher d = new Dispatcher(options, journal);
        LOG.log(System.Logger.Level.DEBUG, "sxs dispatcher: " + options.workers() + " workers, idle "
            + options.idle().label() + ", " + d.spinningWorkers + " spinning, capacity " + options.queueCapacity()
            + " per channel, overflow " + options.overflow());
        for (int i = 0; i < d.partitions.length; i++)
        {
            final boolean spins = i < d.spinningWorkers;
            final IdleMode mode = spins ? IdleMode.BUSY_SPIN
                : options.idle() == IdleMode.BLOCKING ? IdleMode.BLOCKING : IdleMode.BACKOFF;
            final DispatchWorker w = new DispatchWorker(d, d.partitions[i], "sxs-dispatch-" + i, mode, false);
            d.partitions[i].owner = w;
            d.startWorker(w);
        }
        return d;
    }

    static IdleStrategy idleFor(final IdleMode mode)
    {
        switch (mode)
        {
            case BUSY_SPIN:
                return new BusySpinIdleStrategy();
            case BLOCKING:
                return new SleepingIdleStrategy(DEFAULT_PARK_NANOS);
            default:
                // Spin briefly, then park until a publisher wakes the worker. No yield phase and no short
                // timed parks: neither can be woken early, and on a busy machine a thread that keeps waking
                // up on its own waits in the run queue when its event arrives (measured: p50 of 0.3 to 4 ms
                // at 100k events/s, against 3 us when parked until woken).
                return new BackoffIdleStrategy(DispatchWorker.DEFAULT_SPIN_PHASE, 0, DEFAULT_PARK_NANOS, DEFAULT_PARK_NANOS);
        }
    }

    /** @return the settings. */
    public DispatcherOptions options()
    {
        return options;
    }

    /** @return how many workers busy-spin (after the cap). */
    public int spinningWorkers()
    {
        return spinningWorkers;
    }

    // ------------------------------------------------------------------ publish

    /**
     * Publish an event.
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @param payload opaque data, not null (callers refuse error values first).
     * @param origin  the publisher's scope ("" for root).
     * @return the event's sequence number (&gt; 0) or a negative {@link Publication} code.
     */
    public long publish(final Channel channel, final int topic, final Object payload, final String origin)
    {
        return publish(channel, topic, payload, origin, null);
    }

    /**
     * Publish an event with an attachment that a {@link ChannelSink} bound to the channel receives
     * (the execution channel carries the submitter's future this way). Journaled like any event.
     *
     * @param channel    the channel.
     * @param topic      0..65535.
     * @param payload    opaque data, not null.
     * @param origin     the publisher's scope.
     * @param attachment passed to the sink; ignored for channels without a sink.
     * @return the sequence number or a negative {@link Publication} code.
     */
    public long publish(final Channel channel, final int topic, final Object payload, final String origin,
        final Object attachment)
    {
        final long bad = validate(channel, topic, payload);
        if (bad != 0)
        {
            return bad;
        }
        final ChannelState state = channels[channel.ordinal()];
        if (EventThread.currentIsReplaying())
        {
            state.suppressed.increment();
            return Publication.SUPPRESSED;
        }
        final long reserved = overflow.reserve(state);
        if (reserved < 0)
        {
            return reserved;
        }
        final String from = origin == null ? "" : origin;
        final Event event;
        if (journal != null)
        {
            publishLock.lock();
            try
            {
                event = new Event(sequence.incrementAndGet(), now(), channel, topic, payload, from);
                try
                {
                    journal.append(event);
                }
                catch (final Throwable t)
                {
                    sequence.decrementAndGet();
                    state.unpublished.increment();
                    state.releaseExtra();
                    errors.recordJournal(t);
                    return Publication.JOURNAL_FAILED;
                }
                handOff(state, event, event, attachment, false);
            }
            finally
            {
                publishLock.unlock();
            }
        }
        else
        {
            event = new Event(sequence.incrementAndGet(), now(), channel, topic, payload, from);
            handOff(state, event, event, attachment, false);
        }
        awaiters.complete(event);
        return event.sequence();
    }

    /**
     * Re-publish a journaled event (the journal's replay sink): it keeps its sequence number and
     * timestamp, is dispatched to the current handlers and completes awaiters, is not journaled again,
     * and publications made by its handlers are suppressed and counted.
     *
     * @param event the original event.
     * @return the event's sequence number (or 1 when it had none) or a negative {@link Publication} code.
     */
    public long publishReplay(final Event event)
    {
        if (event == null)
        {
            return Publication.BAD_PAYLOAD;
        }
        final long bad = validate(event.channel(), event.topic(), event.payload());
        if (bad != 0)
        {
            return bad;
        }
        final ChannelState state = channels[event.channel().ordinal()];
        if (EventThread.currentIsReplaying())
        {
            state.suppressed.increment();
            return Publication.SUPPRESSED;
        }
        final long reserved = overflow.reserve(state);
        if (reserved < 0)
        {
            return reserved;
        }
        handOff(state, event, new Replayed(event), null, true);
        awaiters.complete(event);
        return Math.max(1, event.sequence());
    }

    private long validate(final Channel channel, final int topic, final Object payload)
    {
        if (channel == null)
        {
            return Publication.BAD_CHANNEL;
        }
        if (!Channel.isValidTopic(topic))
        {
            return Publication.BAD_TOPIC;
        }
        if (payload == null)
        {
            return Publication.BAD_PAYLOAD;
        }
        if (closed)
        {
            return Publication.CLOSED;
        }
        return 0;
    }

    private void handOff(final ChannelState state, final Event event, final Object item, final Object attachment,
        final boolean replay)
    {
        final ChannelSink sink = state.sink;
        if (sink != null)
        {
            try
            {
                sink.accept(event, attachment, replay);
            }
            catch (final Throwable t)
            {
                errors.recordJournal(t);
                completed(state.channel, false);
            }
            return;
        }
        final Partition p = partitionOf(event.channel(), event.topic());
        final ManyToManyConcurrentArrayQueue<Object> q = p.queue(event.channel().ordinal());
        if (!q.offer(item))
        {
            // Cannot happen: a channel's depth bounds every one of its queues. Account for it anyway.
            state.releaseExtra();
            state.discarded.increment();
            return;
        }
        if (anyParking)
        {
            // No fence needed: the offer's CAS on the queue tail is a full barrier before this read of
            // the worker's flag, and the worker re-reads the tail after raising its flag (Dekker).
            p.wake();
        }
    }

    private Partition partitionOf(final Channel channel, final int topic)
    {
        return partitions[(topic + channel.ordinal()) % partitions.length];
    }

    long now()
    {
        return wallNanosBase + (System.nanoTime() - monoNanosBase);
    }

    /**
     * Install the probe told the latency of sampled deliveries (see {@link DeliveryProbe}).
     *
     * @param deliveryProbe the probe, or null for none (the default).
     */
    public void deliveryProbe(final DeliveryProbe deliveryProbe)
    {
        this.probe = deliveryProbe;
    }

    DeliveryProbe probe()
    {
        return probe;
    }

    static int keyOf(final Event event)
    {
        return (event.channel().ordinal() << 16) | event.topic();
    }

    static Event eventOf(final Object item)
    {
        return item instanceof Event e ? e : ((Replayed)item).event();
    }

    // ------------------------------------------------------------------ sinks

    /**
     * Bind a consumer to a whole channel in place of the workers (used for the execution channel).
     *
     * @param channel the channel.
     * @param sink    the consumer, or null to return the channel to the workers.
     */
    public void bind(final Channel channel, final ChannelSink sink)
    {
        channels[channel.ordinal()].sink = sink;
    }

    /**
     * A bound {@link ChannelSink} reports one event finished.
     *
     * @param channel the channel.
     * @param ok      false when the work failed (counted as a handler error).
     */
    public void completed(final Channel channel, final boolean ok)
    {
        final ChannelState state = channels[channel.ordinal()];
        if (ok)
        {
            state.delivered.increment();
        }
        else
        {
            state.handlerErrors.increment();
        }
        state.releaseExtra();
    }

    // ------------------------------------------------------------------ subscriptions

    /**
     * Register a handler.
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @param handler the handler.
     * @param ownerId who registered it (for {@link #unsubscribe}); may be null.
     * @return the subscription handle.
     * @throws IllegalArgumentException for a null channel or handler or a topic out of range.
     */
    public Subscription subscribe(final Channel channel, final int topic, final EventHandler handler, final Object ownerId)
    {
        if (channel == null || handler == null || !Channel.isValidTopic(topic))
        {
            throw new IllegalArgumentException("subscribe needs a channel, a topic 0..65535 and a handler");
        }
        final Subscription s = new Subscription(this, channel, topic, handler, ownerId);
        subscriptions.add(s);
        return s;
    }

    /**
     * Remove the handlers an owner registered on a channel/topic.
     *
     * @param channel the channel.
     * @param topic   the topic.
     * @param ownerId the owner.
     * @return how many were removed.
     */
    public int unsubscribe(final Channel channel, final int topic, final Object ownerId)
    {
        if (channel == null || !Channel.isValidTopic(topic))
        {
            return 0;
        }
        return subscriptions.removeOwned(channel, topic, ownerId);
    }

    /**
     * Remove every handler of an owner (a closing session).
     *
     * @param ownerId the owner.
     * @return how many were removed.
     */
    public int unsubscribeAll(final Object ownerId)
    {
        return subscriptions.removeOwned(ownerId);
    }

    /**
     * The handlers an owner registered (a session's, for listing).
     *
     * @param ownerId the owner.
     * @return its subscriptions, a copy.
     */
    public List<Subscription> subscriptionsOf(final long ownerId)
    {
        return subscriptions.owned(ownerId);
    }

    boolean remove(final Subscription subscription)
    {
        return subscriptions.remove(subscription);
    }

    /**
     * @param channel a channel.
     * @return topics with handlers, to handler counts, ascending.
     */
    public Map<Integer, Integer> topics(final Channel channel)
    {
        return subscriptions.topics(channel);
    }

    // ------------------------------------------------------------------ await

    /**
     * Start listening for the next event on a channel/topic. Listen first, then cause the event, then
     * {@link Awaiter#await}.
     *
     * @param channel the channel.
     * @param topic   0..65535.
     * @return the awaiter.
     * @throws IllegalArgumentException for a null channel or a topic out of range.
     */
    public Awaiter listen(final Channel channel, final int topic)
    {
        if (channel == null || !Channel.isValidTopic(topic))
        {
            throw new IllegalArgumentException("listen needs a channel and a topic 0..65535");
        }
        final Awaiter a = new Awaiter(this, channel, topic);
        awaiters.add(a);
        if (closed)
        {
            a.cancel();
        }
        return a;
    }

    /**
     * Listen on a channel/topic, run {@code body}, then wait for the next event there.
     *
     * @param channel       the channel.
     * @param topic         0..65535.
     * @param body          run after listening starts; may be null.
     * @param timeoutMillis how long to wait.
     * @return the event, or null on timeout or close.
     */
    public Event awaitNext(final Channel channel, final int topic, final Runnable body, final long timeoutMillis)
    {
        try (Awaiter a = listen(channel, topic))
        {
            if (body != null)
            {
                body.run();
            }
            return a.await(timeoutMillis);
        }
    }

    void removeAwaiter(final Awaiter awaiter)
    {
        awaiters.remove(awaiter);
    }

    /** Called by a thread about to block in an await: a worker hands its partition over first. */
    static void beforeBlocking()
    {
        if (Thread.currentThread() instanceof EventThread t)
        {
            t.enterAwait();
            if (t.worker != null)
            {
                t.worker.compensate();
            }
        }
    }

    /** Called by a thread whose await ended (event, timeout or close). */
    static void afterBlocking()
    {
        if (Thread.currentThread() instanceof EventThread t)
        {
            t.leaveAwait();
        }
    }

    boolean tryReserveCompensator()
    {
        while (true)
        {
            final int n = compensators.get();
            if (n >= options.maxCompensatingThreads())
            {
                return false;
            }
            if (compensators.compareAndSet(n, n + 1))
            {
                return true;
            }
        }
    }

    DispatchWorker newCompensator(final Partition partition)
    {
        return new DispatchWorker(this, partition, "sxs-dispatch-" + partition.index + "-c" + compensatorNames.incrementAndGet(),
            IdleMode.BACKOFF, true);
    }

    void startWorker(final DispatchWorker worker)
    {
        // ended threads leave the set here, not when they exit: close() must be able to join a thread
        // that already reported its exit but is still alive
        threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        threads.add(worker.thread);
        worker.thread.start();
    }

    void workerExited(final DispatchWorker worker)
    {
        if (worker.isCompensating())
        {
            compensators.decrementAndGet();
        }
    }

    // ------------------------------------------------------------------ state

    ChannelState state(final Channel channel)
    {
        return channels[channel.ordinal()];
    }

    void wakeBlockedPublishers()
    {
        for (final ChannelState state : channels)
        {
            state.wakeBlocked();
        }
    }

    boolean isStopping()
    {
        return stopping;
    }

    void recordError(final Throwable error, final Subscription subscription)
    {
        errors.record(error, subscription);
    }

    /**
     * @param channel a channel.
     * @return a snapshot of its counters.
     */
    public ChannelStats stats(final Channel channel)
    {
        return channels[channel.ordinal()].snapshot();
    }

    /** @return snapshots of all seven channels, in {@link Channel} order. */
    public List<ChannelStats> stats()
    {
        final List<ChannelStats> out = new ArrayList<>(CHANNELS);
        for (final ChannelState s : channels)
        {
            out.add(s.snapshot());
        }
        return out;
    }

    /** @return each distinct handler error seen (class, message, frame) with its count. */
    public Map<String, Long> distinctErrors()
    {
        return errors.snapshot();
    }

    /** @return the last sequence number assigned. */
    public long lastSequence()
    {
        return sequence.get();
    }

    /** @return events accepted and not yet fully handled, over all channels. */
    public long pending()
    {
        long total = 0;
        for (final ChannelState s : channels)
        {
            total += s.depth();
        }
        return total;
    }

    /** @return true once {@link #close()} began. */
    public boolean isClosed()
    {
        return closed;
    }

    // ------------------------------------------------------------------ drain and close

    /**
     * Wait until every accepted event has been handled (queues empty, handlers returned), including
     * events that handlers publish meanwhile. Do not call from a handler (it would wait for itself
     * until the timeout).
     *
     * @param timeoutMillis the longest wait.
     * @return true when everything was handled, false on timeout.
     */
    public boolean drain(final long timeoutMillis)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1));
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

    /**
     * Drain (up to {@link #DEFAULT_DRAIN_TIMEOUT_MILLIS}, accepting follow-up events that handlers
     * publish), then refuse new events, release awaiters, stop the workers and join them, compensating
     * threads included. Workers stop after the event in hand. A handler still blocked after
     * {@link #DEFAULT_JOIN_TIMEOUT_MILLIS} (on something other than an await, which close releases) is
     * interrupted and joined once more; only a handler that ignores interruption outlives close (logged).
     * Events still queued after that are counted as discarded. Idempotent.
     */
    @Override
    public void close()
    {
        close(DEFAULT_DRAIN_TIMEOUT_MILLIS, DEFAULT_JOIN_TIMEOUT_MILLIS);
    }

    /**
     * {@link #close()} with other timeouts (tests).
     *
     * @param drainMillis how long to wait for queued events first.
     * @param joinMillis  how long to wait for threads, before and again after interrupting them.
     */
    synchronized void close(final long drainMillis, final long joinMillis)
    {
        if (closed)
        {
            return;
        }
        drain(drainMillis);
        closed = true;
        wakeBlockedPublishers();
        drain(joinMillis);
        awaiters.cancelAll();
        stopping = true;
        for (final Partition p : partitions)
        {
            p.wakeAlways();
        }
        if (!joinThreads(joinMillis))
        {
            for (final Thread t : new ArrayList<>(threads))
            {
                LOG.log(System.Logger.Level.WARNING, "sxs dispatcher: interrupting " + t.getName()
                    + ", still in a handler " + joinMillis + " ms after close");
                t.interrupt();
            }
            if (!joinThreads(joinMillis))
            {
                LOG.log(System.Logger.Level.WARNING, "sxs dispatcher: threads still in handlers after close: " + threads);
                return;
            }
        }
        discardLeftovers();
    }

    /**
     * Join every dispatcher thread, including compensating threads started meanwhile.
     *
     * @return true when none is left.
     */
    private boolean joinThreads(final long timeoutMillis)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!threads.isEmpty() && System.nanoTime() - deadline < 0)
        {
            for (final Thread t : new ArrayList<>(threads))
            {
                try
                {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return threads.isEmpty();
                }
                if (!t.isAlive())
                {
                    threads.remove(t);
                }
            }
        }
        return threads.isEmpty();
    }

    private void discardLeftovers()
    {
        for (final Partition p : partitions)
        {
            for (int c = 0; c < CHANNELS; c++)
            {
                final ManyToManyConcurrentArrayQueue<Object> q = p.queueIfPresent(c);
                Object item;
                while (q != null && (item = q.poll()) != null)
                {
                    final ChannelState s = channels[eventOf(item).channel().ordinal()];
                    s.discarded.increment();
                    s.releaseExtra();
                }
            }
            for (final ArrayDeque<Object> held : p.deferred.values())
            {
                for (final Object item : held)
                {
                    final ChannelState s = channels[eventOf(item).channel().ordinal()];
                    s.discarded.increment();
                    s.releaseExtra();
                }
            }
            p.deferred.clear();
        }
    }
}
