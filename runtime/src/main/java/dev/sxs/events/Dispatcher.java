package dev.sxs.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.sxs.concurrent.SxsThreadFactory;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;

/**
 * The event dispatcher: seven channels, topics 0..65535, handlers, bounded queues with an overflow
 * strategy, dispatch threads, the journal hook, replay publishing and await. A facade over its parts:
 * the {@link Publisher}, the per-channel queues ({@link Partitions}), one {@link DispatchAgent} per
 * partition on an Agrona {@link AgentRunner} (the {@link WorkerPool}), {@link Subscriptions} and
 * {@link Awaiters}.
 * <p>
 * Guarantees: every handler registered on a channel/topic when an event is dispatched runs once for
 * it; one channel/topic's events reach each handler in publish order (all events of a channel/topic
 * go to one partition, served by one thread at a time); different partitions run in parallel.
 * Accepted events are handed to the {@link EventJournal} exactly once, before dispatch, in sequence
 * order. Every event is accounted for: delivered, discarded (counted), or still in the queue depth.
 * <p>
 * Threading: every public method is safe from any thread. Every thread of the dispatcher comes from the
 * {@link SxsThreadFactory} given to {@link #start(DispatcherOptions, EventJournal, SxsThreadFactory)}.
 * Failure: publishing never throws; it returns a sequence number or a negative {@link Publication} code.
 * Handler exceptions are counted and logged once per distinct error, and never stop a dispatch thread.
 * Allocation on the publish path: the {@link Event} record only. Its roles: publishing ({@link EventPublisher}),
 * subscribing ({@link HandlerRegistry}), awaiting ({@link EventAwaits}), counting ({@link DispatchCounters}) and
 * binding a channel to one consumer ({@link ChannelSinkBinder}).
 */
public final class Dispatcher
    implements AutoCloseable, EventPublisher, HandlerRegistry, EventAwaits, DispatchCounters, ChannelSinkBinder
{
    /** How long {@link #close()} waits for queued events to be handled. */
    public static final long DEFAULT_DRAIN_TIMEOUT_MILLIS = 5000;
    /** How long {@link #close()} waits for each thread to end. */
    public static final long DEFAULT_JOIN_TIMEOUT_MILLIS = 2000;
    /** Longest park of an idle worker or a blocked publisher; wake-ups come earlier. Bounds a lost wake-up. */
    public static final long DEFAULT_PARK_NANOS = ParkingIdleStrategy.DEFAULT_MAX_PARK_NANOS;
    private static final System.Logger LOG = System.getLogger("dev.sxs.events");

    private final DispatcherOptions options;
    private final Channels channels;
    private final Lifecycle lifecycle = new Lifecycle();
    private final EventClock clock = new EventClock();
    private final HandlerErrors errors = new HandlerErrors(HandlerErrors.DEFAULT_MAX_DISTINCT);
    private final Subscriptions subscriptions;
    private final Awaiters awaiters = new Awaiters();
    private final Partitions partitions;
    private final Publisher publisher;
    private final WorkerPool pool;
    private final int spinningWorkers;

    private Dispatcher(final DispatcherOptions options, final EventJournal journal,
        final SxsThreadFactory threadFactory, final DispatcherStrategies strategies)
    {
        this.options = Objects.requireNonNull(options, "options");
        this.channels = new Channels(options.queueCapacity(), options.workers());
        this.subscriptions = new Subscriptions(channels.states);
        final IdleStrategy[] idles =
            WorkerPool.idleStrategies(strategies, options.workers(), options.maxSpinningWorkers());
        this.spinningWorkers = WorkerPool.count(idles, WorkerPool::spins);
        this.partitions = new Partitions(options.workers(), options.queueCapacity(),
            WorkerPool.count(idles, idle -> idle instanceof ParkingIdleStrategy) > 0);
        final JournalHook hook = new JournalHook(journal, errors);
        this.publisher = new Publisher(channels.states, partitions, hook, strategies.overflow(), awaiters, errors,
            clock, lifecycle, new DepthLimit(options.maxDepth()));
        this.pool = new WorkerPool(Objects.requireNonNull(threadFactory, "threadFactory"), partitions, channels.states,
            errors, clock, lifecycle, strategies.compensatorIdle(), options.maxCompensatingThreads(), hook);
        LOG.log(System.Logger.Level.DEBUG, "sxs dispatcher: " + options.workers() + " workers, idle "
            + options.idle().label() + ", " + spinningWorkers + " spinning, capacity " + options.queueCapacity()
            + " per channel, overflow " + strategies.overflow());
        pool.startWorkers(idles);
    }

    /**
     * Create a dispatcher and start its workers ({@code sxs-dispatch-N}) on threads of a new
     * {@link SxsThreadFactory#create()}.
     *
     * @param options settings.
     * @param journal the journal hook, or null for none.
     * @return the running dispatcher.
     */
    public static Dispatcher start(final DispatcherOptions options, final EventJournal journal)
    {
        return start(options, journal, SxsThreadFactory.create());
    }

    /**
     * Create a dispatcher and start its workers on threads of {@code threadFactory}.
     *
     * @param options       settings; they name the strategies ({@link DispatcherStrategies#from}).
     * @param journal       the journal hook, or null for none.
     * @param threadFactory makes every dispatcher thread, workers and compensating threads.
     * @return the running dispatcher.
     */
    public static Dispatcher start(final DispatcherOptions options, final EventJournal journal,
        final SxsThreadFactory threadFactory)
    {
        return start(options, journal, threadFactory, DispatcherStrategies.from(options));
    }

    /**
     * Create a dispatcher with strategies of the caller's choice (tests, embedders).
     *
     * @param options       settings (their {@code idle} and {@code overflow} are only reported).
     * @param journal       the journal hook, or null for none.
     * @param threadFactory makes every dispatcher thread.
     * @param strategies    the idle and overflow strategies.
     * @return the running dispatcher.
     */
    public static Dispatcher start(final DispatcherOptions options, final EventJournal journal,
        final SxsThreadFactory threadFactory, final DispatcherStrategies strategies)
    {
        return new Dispatcher(options, journal, threadFactory, Objects.requireNonNull(strategies, "strategies"));
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

    @Override
    public long publish(final Channel channel, final int topic, final Object payload, final String origin)
    {
        return publisher.publish(channel, topic, payload, origin, null, null);
    }

    @Override
    public long offer(final Channel channel, final int topic, final Object payload, final String origin)
    {
        return publisher.offer(channel, topic, payload, origin, System.nanoTime());
    }

    /**
     * As {@link #offer(Channel, int, Object, String)}, stamped with a time the caller took already (a probe's
     * call end), so a host thread reads the clock once: the timestamp is {@code offeredAt} on the scale of every
     * event's timestamp. An offer's timestamp may therefore be a little earlier than that of an event with a
     * lower sequence number.
     *
     * @param channel   the channel.
     * @param topic     the topic.
     * @param payload   the payload, not null.
     * @param origin    the origin scope.
     * @param offeredAt a {@link System#nanoTime} reading: the event's time.
     * @return the sequence number or a negative {@link Publication} code.
     */
    public long offer(final Channel channel, final int topic, final Object payload, final String origin,
        final long offeredAt)
    {
        return publisher.offer(channel, topic, payload, origin, offeredAt);
    }

    /**
     * Refuse an {@link #offer} before it is made when the channel has no room now, so the caller can skip
     * building the payload (a probe on a host thread). A racy hint that reserves nothing: a later offer may
     * still find the channel full, and a channel that frees a unit just after this check loses one event that
     * would have fit. A refusal is counted as rejected, as the refused offer would have been.
     *
     * @param channel the channel, not null.
     * @return true when the channel is full now (the event is refused and counted); false when an offer may fit.
     */
    public boolean rejectIfFull(final Channel channel)
    {
        return publisher.rejectIfFull(channel);
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
        return publisher.publishReplay(event);
    }

    /**
     * Install the probe told the latency of sampled deliveries (see {@link DeliveryProbe}).
     *
     * @param deliveryProbe the probe, or null for none (the default).
     */
    public void deliveryProbe(final DeliveryProbe deliveryProbe)
    {
        clock.probe(deliveryProbe);
    }

    @Override
    public <A> ChannelBinding<A> bind(final Channel channel, final ChannelSink<A> sink)
    {
        return ChannelBinding.bind(channel, Objects.requireNonNull(sink, "sink"), publisher, channels.of(channel));
    }

    @Override
    public void completed(final Channel channel, final boolean ok)
    {
        Publisher.completed(channels.of(channel), ok);
    }

    @Override
    public Subscription subscribe(final Channel channel, final int topic, final EventHandler handler,
        final long ownerId, final String scope)
    {
        return subscriptions.add(channel, topic, handler, ownerId, scope);
    }

    @Override
    public int unsubscribe(final Channel channel, final int topic, final long ownerId)
    {
        return subscriptions.removeOwned(channel, topic, ownerId);
    }

    @Override
    public int unsubscribeAll(final long ownerId)
    {
        return subscriptions.removeOwned(ownerId);
    }

    @Override
    public List<Subscription> subscriptionsOf(final long ownerId)
    {
        return subscriptions.ownedBy(ownerId);
    }

    @Override
    public Map<Integer, Integer> topics(final Channel channel)
    {
        return subscriptions.topics(channel);
    }

    @Override
    public Awaiter listen(final Channel channel, final int topic, final String scope)
    {
        return awaiters.listen(channel, topic, scope, options.awaitTimeoutMillis(), lifecycle);
    }

    @Override
    public ChannelStats stats(final Channel channel)
    {
        return channels.of(channel).snapshot();
    }

    @Override
    public List<ChannelStats> stats()
    {
        return channels.stats();
    }

    @Override
    public Map<String, Long> distinctErrors()
    {
        return errors.snapshot();
    }

    @Override
    public long lastSequence()
    {
        return publisher.lastSequence();
    }

    @Override
    public long pending()
    {
        return channels.pending();
    }

    /** @return true once {@link #close()} began. */
    public boolean isClosed()
    {
        return lifecycle.closed;
    }

    /** @return the runners of the dispatch threads now (tests). */
    List<AgentRunner> runners()
    {
        return pool.runners();
    }

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
        return channels.drain(timeoutMillis);
    }

    /**
     * Drain (up to {@link #DEFAULT_DRAIN_TIMEOUT_MILLIS}, accepting follow-up events that handlers
     * publish), then refuse new events, release awaiters, stop the dispatch threads and join them,
     * compensating threads included, closing their runners. Threads stop after the event in hand. A
     * handler still blocked after {@link #DEFAULT_JOIN_TIMEOUT_MILLIS} (on something other than an await,
     * which close releases) is interrupted and joined once more; only a handler that ignores interruption
     * outlives close (logged). Events still queued after that are counted as discarded. Idempotent.
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
        if (lifecycle.closed)
        {
            return;
        }
        drain(drainMillis);
        lifecycle.closed = true;
        channels.wakeBlockedPublishers();
        drain(joinMillis);
        awaiters.cancelAll();
        lifecycle.stopping = true;
        if (pool.stop(joinMillis))
        {
            partitions.discardLeftovers(channels.states);
        }
    }
}
