package dev.sxs.task;

import dev.sxs.kv.KvStore;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * This runtime's own lease as a task owner ({@link TaskLeases}): its owner id and its heartbeat, the root key
 * {@link TaskLeases#OWNERS}{@code + id}. It enrols (a new id and its heartbeat) only when it first owns a task;
 * each renewal is a compare-and-set of the heartbeat; a renewal that fails means another runtime declared it dead:
 * the lease is {@link #lost()} and held no more. The lease is {@link #held()} for {@code leaseMillis - renewMillis}
 * after the start of the last successful renewal, on this runtime's monotonic clock.
 * <p>
 * Threading: {@link #held()}, {@link #owner()} and {@link #enrolled()} from any thread; the renewals on the lease
 * thread (at start, on the starting thread). {@link #enrolled()} and {@link #drop} hold this object's monitor, so
 * no spawn enrols between a drop's forgetting the old id and its release of the old tasks. Failure: store
 * exceptions pass.
 */
final class OwnerLease
{
    private final KvStore root;
    private final LongSupplier nanos;
    private final long leaseNanos;
    private final long renewNanos;
    private volatile String owner;
    private volatile long heldUntil;
    // written on the lease thread (at start, on the starting thread), read by close()
    private volatile String beat;
    private volatile long renewedAt;
    private volatile boolean lost;

    /**
     * @param root       the root store.
     * @param nanos      the monotonic clock.
     * @param leaseNanos the lease.
     * @param renewNanos the renewal interval.
     */
    OwnerLease(final KvStore root, final LongSupplier nanos, final long leaseNanos, final long renewNanos)
    {
        this.root = root;
        this.nanos = nanos;
        this.leaseNanos = leaseNanos;
        this.renewNanos = renewNanos;
        this.heldUntil = nanos.getAsLong();
    }

    /** @return true while this runtime may commit its tasks' steps. */
    boolean held()
    {
        return nanos.getAsLong() - heldUntil < 0;
    }

    /** @return the owner id, or null while this runtime owns no task. */
    String owner()
    {
        return owner;
    }

    /** @return true once a renewal failed (declared dead), until {@link #drop}. */
    boolean lost()
    {
        return lost;
    }

    /**
     * @return this runtime's owner id, enrolling first (a new id and its heartbeat) when it has none: a runtime
     *         that owns no task writes nothing to the store.
     */
    synchronized String enrolled()
    {
        if (owner == null)
        {
            final String me = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
            final long at = nanos.getAsLong();
            beat = "1";
            root.put(TaskLeases.OWNERS + me, beat);
            renewed(at);
            owner = me;
        }
        return owner;
    }

    /** Renew the heartbeat; on failure the lease is lost and held no more. */
    void renew()
    {
        final long at = nanos.getAsLong();
        final String next = Long.toString(Long.parseLong(beat) + 1);
        final String key = TaskLeases.OWNERS + owner;
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

    /** Renew when a renewal interval has passed since the last (a long claim must not let the lease lapse). */
    void renewIfDue()
    {
        if (!lost && nanos.getAsLong() - renewedAt >= renewNanos)
        {
            renew();
        }
    }

    /**
     * After a lost lease: forget the owner id and release the tasks, with no enrolment in between.
     *
     * @param release releases every task of this runtime.
     */
    synchronized void drop(final Runnable release)
    {
        lost = false;
        owner = null; // a spawn from now on keeps nothing under the old id; none enrols meanwhile
        release.run();
    }

    /** Hold the lease no more (closing): no commit from now on. */
    void stop()
    {
        heldUntil = nanos.getAsLong();
    }

    /** Mark the heartbeat dead, if there is one, so the others take the tasks over at once. */
    void markDead()
    {
        if (owner != null)
        {
            root.replace(TaskLeases.OWNERS + owner, beat, TaskLeases.DEAD);
        }
    }

    private void renewed(final long at)
    {
        renewedAt = at;
        heldUntil = at + leaseNanos - renewNanos;
    }
}
