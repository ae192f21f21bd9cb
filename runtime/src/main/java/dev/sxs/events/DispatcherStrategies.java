package dev.sxs.events;

import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.agrona.concurrent.IdleStrategy;

/**
 * The strategies a {@link Dispatcher} runs with, for a test or an embedder to replace: how each worker
 * and each compensating thread waits when idle (any Agrona {@link IdleStrategy}), and what a publication
 * on a full channel does (an {@link OverflowStrategy}). {@link #from(DispatcherOptions)} gives the ones
 * the options name ({@link IdleMode}, {@link OverflowPolicy}); {@code with...} replaces one.
 * <p>
 * Idle strategies: a new instance per thread (they keep state). Only a {@link ParkingIdleStrategy} is
 * woken by publishers; other strategies that park wait out their own park time. The busy-spin cap of
 * {@link DispatcherOptions#maxSpinningWorkers()} holds for given strategies too: a worker beyond it that
 * is handed a {@link org.agrona.concurrent.BusySpinIdleStrategy} or
 * {@link org.agrona.concurrent.NoOpIdleStrategy} gets the {@code backoff} strategy instead.
 *
 * @param workerIdle      the idle strategy of worker {@code N} ({@code sxs-dispatch-N}), called once per worker.
 * @param compensatorIdle the idle strategy of each compensating thread ({@code sxs-dispatch-N-cK}).
 * @param overflow        the overflow strategy, shared by every publisher.
 */
public record DispatcherStrategies(
    IntFunction<IdleStrategy> workerIdle,
    Supplier<IdleStrategy> compensatorIdle,
    OverflowStrategy overflow)
{
    public DispatcherStrategies
    {
        Objects.requireNonNull(workerIdle, "workerIdle");
        Objects.requireNonNull(compensatorIdle, "compensatorIdle");
        Objects.requireNonNull(overflow, "overflow");
    }

    /**
     * @param options the settings.
     * @return the strategies the settings name: {@code options.idle()} for every worker (the busy-spin cap
     *     applies at start), {@code backoff} for compensating threads, and {@code options.overflow()} with
     *     the publish timeout.
     */
    public static DispatcherStrategies from(final DispatcherOptions options)
    {
        final IdleMode idle = options.idle();
        return new DispatcherStrategies(worker -> idle.newStrategy(), IdleMode.BACKOFF::newStrategy,
            options.overflow().newStrategy(options.publishTimeoutMillis()));
    }

    /**
     * @param idle the idle strategy of worker {@code N}, a new instance per call.
     * @return a copy with it.
     */
    public DispatcherStrategies withWorkerIdle(final IntFunction<IdleStrategy> idle)
    {
        return new DispatcherStrategies(idle, compensatorIdle, overflow);
    }

    /**
     * @param idle a new idle strategy per compensating thread.
     * @return a copy with it.
     */
    public DispatcherStrategies withCompensatorIdle(final Supplier<IdleStrategy> idle)
    {
        return new DispatcherStrategies(workerIdle, idle, overflow);
    }

    /**
     * @param strategy the overflow strategy.
     * @return a copy with it.
     */
    public DispatcherStrategies withOverflow(final OverflowStrategy strategy)
    {
        return new DispatcherStrategies(workerIdle, compensatorIdle, strategy);
    }
}
