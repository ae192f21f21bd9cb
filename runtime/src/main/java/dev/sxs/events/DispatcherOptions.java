package dev.sxs.events;

/**
 * Settings of a {@link Dispatcher}. The runtime builds them from its {@code Config}.
 *
 * @param queueCapacity          events one channel may hold (queued, deferred or in a handler) before overflow.
 * @param publishTimeoutMillis   how long BLOCK waits for room.
 * @param overflow               the full-queue policy (names the {@link OverflowStrategy} used by default).
 * @param workers                worker threads (partitions); channel/topic pairs are spread over them.
 * @param idle                   how workers wait when idle (names the idle strategy used by default; see
 *                               {@link DispatcherStrategies} to hand the dispatcher other strategies).
 * @param maxSpinningWorkers     at most this many workers busy-spin; the rest back off. Use
 *                               {@link #defaultMaxSpinningWorkers()} ({@code availableProcessors - 2}).
 * @param awaitTimeoutMillis     default timeout of {@link Awaiter#await()}.
 * @param maxCompensatingThreads at most this many extra threads take over partitions whose worker awaits.
 * @param maxDepth               the deepest causal depth a publication may have (handler hops from the
 *                               outside publish); deeper ones are refused with {@link Publication#TOO_DEEP}.
 */
public record DispatcherOptions(
    int queueCapacity,
    long publishTimeoutMillis,
    OverflowPolicy overflow,
    int workers,
    IdleMode idle,
    int maxSpinningWorkers,
    long awaitTimeoutMillis,
    int maxCompensatingThreads,
    int maxDepth)
{
    /** Default per-channel capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1000;
    /** Default BLOCK wait. */
    public static final long DEFAULT_PUBLISH_TIMEOUT_MILLIS = 1000;
    /** Default worker count. */
    public static final int DEFAULT_WORKERS = 2;
    /** Default await timeout. */
    public static final long DEFAULT_AWAIT_TIMEOUT_MILLIS = 5000;
    /** Default cap on compensating threads. */
    public static final int DEFAULT_MAX_COMPENSATING_THREADS = 256;
    /**
     * Default maximum causal depth: 8 handler hops. Small on purpose: a handler that publishes twice what it
     * handles makes a binary tree of 2^(maxDepth+1) - 1 events, 511 here (ended in milliseconds), where 16
     * would be 131071 and 32 would not end in practice.
     */
    public static final int DEFAULT_MAX_DEPTH = 8;
    /** The name of the maximum depth's setting (the runtime's {@code Settings}, messages and docs use it). */
    public static final String MAX_DEPTH_SETTING = "events.maxDepth";
    /** Largest accepted maximum depth. */
    public static final int MAX_MAX_DEPTH = 1 << 16;

    public DispatcherOptions
    {
        if (queueCapacity < 1)
        {
            throw new IllegalArgumentException("queueCapacity must be >= 1: " + queueCapacity);
        }
        if (workers < 1)
        {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        if (publishTimeoutMillis < 0 || awaitTimeoutMillis < 0 || maxSpinningWorkers < 0 || maxCompensatingThreads < 0
            || maxDepth < 0 || maxDepth > MAX_MAX_DEPTH)
        {
            throw new IllegalArgumentException("negative setting in " + this);
        }
        if (overflow == null || idle == null)
        {
            throw new IllegalArgumentException("overflow and idle are required");
        }
    }

    /**
     * The settings with the default maximum depth ({@link #DEFAULT_MAX_DEPTH}).
     *
     * @param queueCapacity          events one channel may hold.
     * @param publishTimeoutMillis   how long BLOCK waits.
     * @param overflow               the full-queue policy.
     * @param workers                worker threads.
     * @param idle                   how workers wait.
     * @param maxSpinningWorkers     at most this many workers busy-spin.
     * @param awaitTimeoutMillis     default await timeout.
     * @param maxCompensatingThreads cap on compensating threads.
     */
    public DispatcherOptions(final int queueCapacity, final long publishTimeoutMillis, final OverflowPolicy overflow,
        final int workers, final IdleMode idle, final int maxSpinningWorkers, final long awaitTimeoutMillis,
        final int maxCompensatingThreads)
    {
        this(queueCapacity, publishTimeoutMillis, overflow, workers, idle, maxSpinningWorkers, awaitTimeoutMillis,
            maxCompensatingThreads, DEFAULT_MAX_DEPTH);
    }

    /** @return every default: capacity 1000, BLOCK 1000 ms, 2 backoff workers, await 5000 ms. */
    public static DispatcherOptions defaults()
    {
        return new DispatcherOptions(DEFAULT_QUEUE_CAPACITY, DEFAULT_PUBLISH_TIMEOUT_MILLIS, OverflowPolicy.BLOCK,
            DEFAULT_WORKERS, IdleMode.BACKOFF, defaultMaxSpinningWorkers(), DEFAULT_AWAIT_TIMEOUT_MILLIS,
            DEFAULT_MAX_COMPENSATING_THREADS);
    }

    /** @return {@code max(0, availableProcessors - 2)}: spinning workers must leave two cores free. */
    public static int defaultMaxSpinningWorkers()
    {
        return Math.max(0, Runtime.getRuntime().availableProcessors() - 2);
    }

    /**
     * @param capacity per-channel capacity.
     * @param policy   overflow policy.
     * @param timeoutMillis BLOCK wait.
     * @return a copy with these queue settings.
     */
    public DispatcherOptions withQueue(final int capacity, final OverflowPolicy policy, final long timeoutMillis)
    {
        return new DispatcherOptions(capacity, timeoutMillis, policy, workers, idle, maxSpinningWorkers,
            awaitTimeoutMillis, maxCompensatingThreads, maxDepth);
    }

    /**
     * @param count    worker count.
     * @param mode     idle mode.
     * @param maxSpinning cap on busy-spinning workers.
     * @return a copy with these worker settings.
     */
    public DispatcherOptions withWorkers(final int count, final IdleMode mode, final int maxSpinning)
    {
        return new DispatcherOptions(queueCapacity, publishTimeoutMillis, overflow, count, mode, maxSpinning,
            awaitTimeoutMillis, maxCompensatingThreads, maxDepth);
    }

    /**
     * @param millis default await timeout.
     * @return a copy with it.
     */
    public DispatcherOptions withAwaitTimeout(final long millis)
    {
        return new DispatcherOptions(queueCapacity, publishTimeoutMillis, overflow, workers, idle, maxSpinningWorkers,
            millis, maxCompensatingThreads, maxDepth);
    }

    /**
     * @param depth the maximum causal depth, 0..{@link #MAX_MAX_DEPTH}.
     * @return a copy with it.
     */
    public DispatcherOptions withMaxDepth(final int depth)
    {
        return new DispatcherOptions(queueCapacity, publishTimeoutMillis, overflow, workers, idle, maxSpinningWorkers,
            awaitTimeoutMillis, maxCompensatingThreads, depth);
    }
}
