package dev.sxs.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Which tasks this runtime may run when other runtimes share its store ({@code backend=nats}; docs/scale-out.md,
 * "Tasks and probes"). Each task has an owner, a runtime's id in its frame's hidden key {@link #OWNER};
 * the owner's lease is its heartbeat, the root key {@link #OWNERS}{@code + id}, which it renews with a
 * compare-and-set every {@link TaskLeaseOptions#renewMillis()}, so one renewal holds all its tasks' leases. The
 * rule, on each runtime's own monotonic clock:
 * <ul>
 * <li>the owner commits a step only while {@link #held()}: less than {@code leaseMillis - renewMillis} after the
 * start of its last successful renewal;</li>
 * <li>another runtime declares an owner dead once it has seen the same heartbeat for {@code leaseMillis} since it
 * first read it, with a compare-and-set of the heartbeat to {@link #DEAD}; the owner's next renewal fails, it drops
 * every task it had and enrols again under a new id when it next spawns or takes one;</li>
 * <li>a task whose owner's heartbeat is dead or gone, or that has no owner, is taken with a compare-and-set of its
 * {@link #OWNER} key: one runtime wins it, applies its redo record and runs it on from its last committed step.</li>
 * </ul>
 * So a takeover comes at least {@code renewMillis} after the owner's last commit could start. A runtime enrols (an
 * id and a heartbeat) only when it first owns a task, so one without tasks writes nothing. Task ids come from
 * the counter {@link #NEXT_ID} in the store. On a store no other runtime opens ({@code shared} false) none of this
 * runs: every task is this runtime's, {@link #held()} is true and ids come from memory, as before.
 * <p>
 * This type holds the rule and the ticks; its parts are this runtime's own lease ({@link OwnerLease}), the
 * others' heartbeats as seen from here ({@link OwnerWatch}) and the ids ({@link TaskIds}).
 * <p>
 * Threading: {@link #held()}, {@link #mayCommit} and the spawn's calls from any thread; renewals, the watch of
 * the others and the takeovers on the lease thread {@code sxs-task-lease-N} (at start, on the starting thread).
 * Failure: a store failure in a tick is retried at the next one, the lease lapsing meanwhile.
 */
final class TaskLeases implements AutoCloseable
{
    /** The frame key of a task's owner. */
    static final String OWNER = HiddenKeys.TASKS + "owner";
    /** The root prefix of the owners' heartbeats (not a task id: the recovery skips it). */
    static final String OWNERS = HiddenKeys.TASKS + "~owner:";
    /** The root key of the last task id handed out. */
    static final String NEXT_ID = HiddenKeys.TASKS + "~id";
    /** The heartbeat of an owner declared dead. */
    static final String DEAD = "dead";

    private final TaskLeaseOptions options;
    private final LeasedTasks holder;
    private final OwnerLease lease;
    private final OwnerWatch watch;
    private final TaskIds ids;
    private final KvStore root;
    private ScheduledExecutorService timer;
    private AtomicLong lastId = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param options the settings.
     * @param root    the root store.
     * @param nanos   the monotonic clock ({@code System::nanoTime}).
     * @param holder  the tasks.
     */
    TaskLeases(final TaskLeaseOptions options, final KvStore root, final LongSupplier nanos, final LeasedTasks holder)
    {
        this.options = options;
        this.root = root;
        this.holder = holder;
        final long leaseNanos = TimeUnit.MILLISECONDS.toNanos(options.leaseMillis());
        this.lease = new OwnerLease(root, nanos, leaseNanos, TimeUnit.MILLISECONDS.toNanos(options.renewMillis()));
        this.watch = new OwnerWatch(root, nanos, leaseNanos);
        this.ids = new TaskIds(root, options.shared());
    }

    /**
     * @param options the settings.
     * @param engine  the engine whose tasks they are.
     * @param root    the root store.
     * @param threads the runtime's thread factory (the lease thread, started by {@link #recover} when shared).
     * @return the leases of an engine.
     */
    static TaskLeases open(final TaskLeaseOptions options, final TaskEngine engine, final KvStore root,
        final SxsThreadFactory threads)
    {
        final TaskLeases leases = new TaskLeases(options, root, System::nanoTime, new EngineTasks(engine, root));
        if (options.shared())
        {
            leases.timer = Executors.newSingleThreadScheduledExecutor(threads.named("sxs-task-lease-"));
        }
        return leases;
    }

    /**
     * Bring back the tasks at start: all of them on an unshared store; on a shared one, take the tasks no live owner
     * holds (enrolling as an owner for the first), set the id counter above every task id and start the ticks.
     *
     * @param ids the engine's last id (raised to the highest id found).
     */
    void recover(final AtomicLong ids)
    {
        this.lastId = ids;
        if (!options.shared())
        {
            holder.claim(frame -> true, ids);
            return;
        }
        claimOrphans();
        this.ids.raise(ids.get());
        if (timer != null)
        {
            timer.scheduleWithFixedDelay(this::tick, options.renewMillis(), options.renewMillis(),
                TimeUnit.MILLISECONDS);
        }
    }

    /** @return true while this runtime may commit its tasks' steps (always on an unshared store). */
    boolean held()
    {
        return !options.shared() || lease.held();
    }

    /**
     * @param task a task of this runtime (its monitor held by the caller).
     * @return true when a step of it may commit now: not released, and the lease held.
     */
    boolean mayCommit(final Task task)
    {
        return !task.released && held();
    }

    /** @return this runtime's owner id, or null on an unshared store or while it owns no task yet. */
    String owner()
    {
        return lease.owner();
    }

    /**
     * @param ids the engine's last id.
     * @return a new task id: from memory on an unshared store, else from the store's counter (unique across
     *         every runtime on it).
     */
    long nextId(final AtomicLong ids)
    {
        return this.ids.next(ids);
    }

    /**
     * Mark a new task's frame as this runtime's (on a shared store).
     *
     * @param frame the new frame.
     * @return the owner written, or null.
     */
    String stamp(final KvStore frame)
    {
        if (!options.shared())
        {
            return null;
        }
        final String me = lease.enrolled();
        frame.put(OWNER, me);
        return me;
    }

    /**
     * After a spawn put its task in the engine: if this runtime enrolled again since it stamped the frame, the
     * task is no longer its own; it is released here (another runtime, or this one's next claim, takes it).
     *
     * @param task    the new task.
     * @param stamped what {@link #stamp} gave.
     * @param tasks   the engine's tasks.
     */
    void keep(final Task task, final String stamped, final Map<Long, Task> tasks)
    {
        if (options.shared() && !Objects.equals(stamped, lease.owner()))
        {
            synchronized (task)
            {
                task.released = true;
            }
            tasks.remove(task.id, task);
        }
    }

    /** One renewal, then (still held) a look at the other owners; called every renewal interval. */
    void tick()
    {
        try
        {
            if (closed)
            {
                return;
            }
            if (lease.owner() != null)
            {
                lease.renew();
            }
            if (lease.lost())
            {
                lease.drop(holder::releaseAll);
                claimOrphans(); // its old tasks too: their owner is dead; enrols again if there is any
            }
            watch();
        }
        catch (final RuntimeException unreachable)
        {
            // the store did not answer: the lease lapses unless a later tick renews it in time
        }
    }

    private void watch()
    {
        final String owner = lease.owner();
        final List<String> dead = watch.dead(owner == null ? null : OWNERS + owner);
        if (!dead.isEmpty())
        {
            claimOrphans();
            for (final String key : dead)
            {
                root.remove(key); // its tasks have new owners; an owner without a heartbeat is dead too
                watch.forget(key);
            }
        }
    }

    private void claimOrphans()
    {
        final Map<String, Boolean> alive = new HashMap<>();
        holder.claim(frame -> claim(frame, alive), lastId);
    }

    /** The claim rule for one task's frame; {@code alive} caches the owners' liveness for one pass. */
    private boolean claim(final KvStore frame, final Map<String, Boolean> alive)
    {
        if (lease.owner() != null)
        {
            lease.renewIfDue();
        }
        if (lease.lost() || closed)
        {
            return false;
        }
        final String current = frame.get(OWNER);
        if (current != null && (current.equals(lease.owner()) || alive.computeIfAbsent(current, this::alive)))
        {
            return false; // ours already (a spawn under way), or another live runtime's
        }
        final String me = lease.enrolled();
        // no owner: a task from before leases, or of an unshared store
        return current == null ? frame.putIfAbsent(OWNER, me) : frame.replace(OWNER, current, me);
    }

    private boolean alive(final String someone)
    {
        final String value = root.get(OWNERS + someone);
        return value != null && !DEAD.equals(value);
    }

    /**
     * Stop: no commit from now on, the renewals stopped, every task released, and the heartbeat marked dead so
     * the other runtimes take the tasks over at once (not after a lease). Call after the scheduler closed.
     */
    @Override
    public void close()
    {
        if (!options.shared() || closed)
        {
            return;
        }
        closed = true;
        lease.stop();
        if (timer != null)
        {
            timer.shutdownNow();
            try
            {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        holder.releaseAll();
        try
        {
            lease.markDead();
        }
        catch (final RuntimeException unreachable)
        {
            // the others see the lease lapse instead
        }
    }
}
