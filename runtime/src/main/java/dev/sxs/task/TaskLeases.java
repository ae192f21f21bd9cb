package dev.sxs.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
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

    private static final int OWNERS_PAGE = 1024;

    private final TaskLeaseOptions options;
    private final KvStore root;
    private final LongSupplier nanos;
    private final LeasedTasks holder;
    private final long leaseNanos;
    private final long renewNanos;
    private final OwnerWatch watch;
    private ScheduledExecutorService timer;
    private AtomicLong lastId = new AtomicLong();
    private volatile String owner;
    private volatile long heldUntil;
    private volatile boolean closed;
    // written on the lease thread (at start, on the starting thread), read by close()
    private volatile String beat;
    private volatile long renewedAt;
    private volatile boolean lost;

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
        this.nanos = nanos;
        this.holder = holder;
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(options.leaseMillis());
        this.renewNanos = TimeUnit.MILLISECONDS.toNanos(options.renewMillis());
        this.watch = new OwnerWatch(root, nanos, leaseNanos);
        this.heldUntil = nanos.getAsLong();
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
        raise(ids.get());
        if (timer != null)
        {
            timer.scheduleWithFixedDelay(this::tick, options.renewMillis(), options.renewMillis(),
                TimeUnit.MILLISECONDS);
        }
    }

    /** @return true while this runtime may commit its tasks' steps (always on an unshared store). */
    boolean held()
    {
        return !options.shared() || nanos.getAsLong() - heldUntil < 0;
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
        return owner;
    }

    /**
     * @param ids the engine's last id.
     * @return a new task id: from memory on an unshared store, else from the store's counter (unique across
     *         every runtime on it).
     */
    long nextId(final AtomicLong ids)
    {
        if (!options.shared())
        {
            return ids.incrementAndGet();
        }
        while (true)
        {
            final String last = root.get(NEXT_ID);
            final long next = (last == null ? 0 : Long.parseLong(last)) + 1;
            final String text = Long.toString(next);
            if (last == null ? root.putIfAbsent(NEXT_ID, text) : root.replace(NEXT_ID, last, text))
            {
                ids.accumulateAndGet(next, Math::max);
                return next;
            }
        }
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
        final String me = enrolled();
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
        if (options.shared() && !Objects.equals(stamped, owner))
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
            if (owner != null)
            {
                renew();
            }
            if (lost)
            {
                synchronized (this)
                {
                    lost = false;
                    owner = null; // a spawn from now on keeps nothing under the old id; none enrols meanwhile
                    holder.releaseAll();
                }
                claimOrphans(); // its old tasks too: their owner is dead; enrols again if there is any
            }
            watch();
        }
        catch (final RuntimeException unreachable)
        {
            // the store did not answer: the lease lapses unless a later tick renews it in time
        }
    }

    /**
     * @return this runtime's owner id, enrolling first (a new id and its heartbeat) when it has none: a runtime
     *         that owns no task writes nothing to the store.
     */
    private synchronized String enrolled()
    {
        if (owner == null)
        {
            final String me = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
            final long at = nanos.getAsLong();
            beat = "1";
            root.put(OWNERS + me, beat);
            renewed(at);
            owner = me;
        }
        return owner;
    }

    private void renewed(final long at)
    {
        renewedAt = at;
        heldUntil = at + leaseNanos - renewNanos;
    }

    private void renew()
    {
        final long at = nanos.getAsLong();
        final String next = Long.toString(Long.parseLong(beat) + 1);
        final String key = OWNERS + owner;
        // a renewal whose answer was lost but which was applied reads back as ours
        if (root.replace(key, beat, next) || next.equals(root.get(key)))
        {
            beat = next;
            renewed(at);
        }
        else
        {
            lost = true;
            heldUntil = at;
        }
    }

    private void renewIfDue()
    {
        if (!lost && nanos.getAsLong() - renewedAt >= renewNanos)
        {
            renew(); // a long claim must not let this runtime's own lease lapse
        }
    }

    private void watch()
    {
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
        if (owner != null)
        {
            renewIfDue();
        }
        if (lost || closed)
        {
            return false;
        }
        final String current = frame.get(OWNER);
        if (current != null && (current.equals(owner) || alive.computeIfAbsent(current, this::alive)))
        {
            return false; // ours already (a spawn under way), or another live runtime's
        }
        final String me = enrolled();
        // no owner: a task from before leases, or of an unshared store
        return current == null ? frame.putIfAbsent(OWNER, me) : frame.replace(OWNER, current, me);
    }

    private boolean alive(final String someone)
    {
        final String value = root.get(OWNERS + someone);
        return value != null && !DEAD.equals(value);
    }

    /** Set the id counter to at least {@code max} (tasks made before it existed keep their ids). */
    private void raise(final long max)
    {
        if (max == 0)
        {
            return; // no task in the store: the counter starts with the first spawn
        }
        for (String last = root.get(NEXT_ID); last == null || Long.parseLong(last) < max; last = root.get(NEXT_ID))
        {
            final String text = Long.toString(max);
            if (last == null ? root.putIfAbsent(NEXT_ID, text) : root.replace(NEXT_ID, last, text))
            {
                return;
            }
        }
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
        heldUntil = nanos.getAsLong();
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
            if (owner != null)
            {
                root.replace(OWNERS + owner, beat, DEAD);
            }
        }
        catch (final RuntimeException unreachable)
        {
            // the others see the lease lapse instead
        }
    }
}
