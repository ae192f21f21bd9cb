package dev.sxs.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.log.SxsWarnings;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;

/**
 * The dispatch threads of a dispatcher: one {@link DispatchAgent} per partition on an
 * {@link AgentRunner} ({@code sxs-dispatch-N}), compensating agents started when a handler awaits
 * ({@code sxs-dispatch-N-cK}, at most {@code maxCompensatingThreads} at a time), and, at close, stopping
 * them all, joining their threads, interrupting stragglers and closing every runner. Every thread is an
 * {@link EventThread} made by the dispatcher's {@link SxsThreadFactory} (daemon, sxs's context class
 * loader, whatever thread asked); a compensating thread is made on the awaiting dispatch thread.
 * <p>
 * Threading: {@link #startWorkers} and {@link #stop} from the dispatcher's start and close; the
 * {@link Handover} methods from dispatch threads.
 */
final class WorkerPool implements Handover
{
    private static final System.Logger LOG = System.getLogger("dev.sxs.events");

    private final SxsThreadFactory threadFactory;
    private final Partitions partitions;
    private final ChannelState[] channels;
    private final HandlerErrors errors;
    private final EventClock clock;
    private final Lifecycle lifecycle;
    private final Supplier<IdleStrategy> compensatorIdle;
    private final int maxCompensators;
    private final ErrorHandler errorHandler;
    private final JournalHook journal;
    private final Set<DispatchAgent> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger compensators = new AtomicInteger();
    private final AtomicInteger compensatorNames = new AtomicInteger();

    WorkerPool(final SxsThreadFactory threadFactory, final Partitions partitions, final ChannelState[] channels,
        final HandlerErrors errors, final EventClock clock, final Lifecycle lifecycle,
        final Supplier<IdleStrategy> compensatorIdle, final int maxCompensators, final JournalHook journal)
    {
        this.threadFactory = threadFactory;
        this.partitions = partitions;
        this.channels = channels;
        this.errors = errors;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.compensatorIdle = compensatorIdle;
        this.maxCompensators = maxCompensators;
        this.journal = journal;
        this.errorHandler = t -> SxsWarnings.warn("dispatcher: dispatch loop failed", t);
    }

    /**
     * The idle strategy of each worker, with the busy-spin cap applied: a worker beyond
     * {@code maxSpinning} that was given a spinning strategy gets the {@code backoff} one.
     *
     * @param strategies  the strategies to ask.
     * @param workers     the worker count.
     * @param maxSpinning how many may spin.
     * @return one strategy per worker.
     */
    static IdleStrategy[] idleStrategies(final DispatcherStrategies strategies, final int workers,
        final int maxSpinning)
    {
        final IdleStrategy[] idles = new IdleStrategy[workers];
        int spinning = 0;
        for (int i = 0; i < workers; i++)
        {
            IdleStrategy idle = strategies.workerIdle().apply(i);
            if (idle == null)
            {
                throw new IllegalArgumentException("no idle strategy for worker " + i);
            }
            if (spins(idle) && spinning++ >= maxSpinning)
            {
                idle = IdleMode.BACKOFF.newStrategy();
            }
            idles[i] = idle;
        }
        if (spinning > maxSpinning)
        {
            LOG.log(System.Logger.Level.INFO, "sxs dispatcher: busy-spin requested for " + spinning
                + " workers, but at most " + maxSpinning + " may spin (availableProcessors "
                + Runtime.getRuntime().availableProcessors() + " - 2); " + maxSpinning + " spin, "
                + (spinning - maxSpinning) + " back off");
        }
        return idles;
    }

    /** @return how many of {@code idles} pass {@code test}. */
    static int count(final IdleStrategy[] idles, final Predicate<IdleStrategy> test)
    {
        int n = 0;
        for (final IdleStrategy idle : idles)
        {
            n += test.test(idle) ? 1 : 0;
        }
        return n;
    }

    /** @return true for a strategy that never gives up the core. */
    static boolean spins(final IdleStrategy idle)
    {
        return idle instanceof BusySpinIdleStrategy || idle instanceof NoOpIdleStrategy;
    }

    /** Start one worker per partition, worker {@code N} with {@code idles[N]}. */
    void startWorkers(final IdleStrategy[] idles)
    {
        for (int i = 0; i < idles.length; i++)
        {
            final Partition p = partitions.get(i);
            final DispatchAgent agent = newAgent("sxs-dispatch-" + i, p, idles[i], false);
            p.owner = agent;
            launch(agent, idles[i]);
        }
    }

    @Override
    public boolean reserve()
    {
        while (true)
        {
            final int n = compensators.get();
            if (n >= maxCompensators)
            {
                return false;
            }
            if (compensators.compareAndSet(n, n + 1))
            {
                return true;
            }
        }
    }

    @Override
    public void takeOver(final Partition partition)
    {
        final IdleStrategy idle = compensatorIdle.get();
        final String name = "sxs-dispatch-" + partition.index + "-c" + compensatorNames.incrementAndGet();
        final DispatchAgent next = newAgent(name, partition, idle, true);
        partition.owner = next;
        launch(next, idle);
    }

    @Override
    public void ended(final DispatchAgent agent)
    {
        if (agent.isCompensating())
        {
            compensators.decrementAndGet();
        }
    }

    private DispatchAgent newAgent(final String name, final Partition partition, final IdleStrategy idle,
        final boolean compensating)
    {
        return new DispatchAgent(name, partition, idle, channels, errors, clock, lifecycle, this, compensating,
            journal);
    }

    private void launch(final DispatchAgent agent, final IdleStrategy idle)
    {
        // ended threads leave the set here, not when they exit: stop() must be able to join a thread
        // that already reported its end but is still alive
        live.removeIf(a -> a.thread.getState() == Thread.State.TERMINATED);
        final AgentRunner runner = new AgentRunner(idle, errorHandler, null, agent);
        agent.runner = runner;
        AgentRunner.startOnThread(runner, task ->
        {
            final EventThread t = threadFactory.newThread(agent.roleName(), name -> new EventThread(task, name));
            t.agent = agent;
            agent.thread = t;
            live.add(agent);
            return t;
        });
    }

    /** @return the runners of the dispatch threads not known to have ended (tests). */
    List<AgentRunner> runners()
    {
        final List<AgentRunner> out = new ArrayList<>();
        for (final DispatchAgent a : live)
        {
            out.add(a.runner);
        }
        return out;
    }

    /**
     * Stop every agent after the event in hand and join its thread; interrupt what is still in a handler
     * after {@code joinMillis} and join once more. Call with {@link Lifecycle#stopping} set.
     *
     * @param joinMillis how long to wait, before and again after interrupting.
     * @return true when every thread ended (its runner closed); false when some handler ignores interruption.
     */
    boolean stop(final long joinMillis)
    {
        partitions.wakeAll();
        if (!joinAll(joinMillis))
        {
            for (final DispatchAgent a : new ArrayList<>(live))
            {
                SxsWarnings.warn("dispatcher: interrupting " + a.roleName()
                    + ", still in a handler " + joinMillis + " ms after close");
                a.thread.interrupt();
            }
            if (!joinAll(joinMillis))
            {
                SxsWarnings.warn("dispatcher: threads still in handlers after close: "
                    + live.stream().map(DispatchAgent::roleName).toList());
                return false;
            }
        }
        return true;
    }

    /**
     * Join every dispatch thread, including compensating threads started meanwhile, closing the runner
     * of each that ended.
     *
     * @return true when none is left.
     */
    private boolean joinAll(final long timeoutMillis)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!live.isEmpty() && System.nanoTime() - deadline < 0)
        {
            for (final DispatchAgent a : new ArrayList<>(live))
            {
                try
                {
                    a.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return live.isEmpty();
                }
                if (!a.thread.isAlive())
                {
                    // returns at once: the runner's loop has ended
                    a.runner.close();
                    live.remove(a);
                }
            }
        }
        return live.isEmpty();
    }
}
