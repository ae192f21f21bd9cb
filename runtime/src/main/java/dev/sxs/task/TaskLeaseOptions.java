package dev.sxs.task;

/**
 * The task leases' settings (docs/scale-out.md, "Tasks and probes"). A lease matters only when the store is
 * shared by several runtimes ({@code backend=nats}); on the embedded store one runtime holds every task and the
 * lease is never checked.
 *
 * @param shared      true when other runtimes may open the same store (then tasks have owners and leases, and
 *                    task ids come from a counter in the store).
 * @param leaseMillis how long a runtime's lease lasts after a renewal began ({@code tasks.leaseMillis}): another
 *                    runtime takes over its tasks once it has seen the lease unrenewed for this long.
 * @param renewMillis how often the owner renews it ({@code tasks.leaseRenewMillis}); it is also the owner's safety
 *                    margin: it commits no step after {@code leaseMillis - renewMillis} from its last renewal's
 *                    start, so a commit has at least this long to end before another runtime may take over.
 */
public record TaskLeaseOptions(boolean shared, long leaseMillis, long renewMillis)
{
    /** Default of {@code tasks.leaseMillis}: 10 s. */
    public static final long DEFAULT_LEASE_MILLIS = 10_000;
    /** Default of {@code tasks.leaseRenewMillis}: 2 s. */
    public static final long DEFAULT_RENEW_MILLIS = 2_000;
    /** The least renewal interval. */
    public static final long MIN_RENEW_MILLIS = 10;

    /** Checks the ranges: a renewal at least every {@link #MIN_RENEW_MILLIS}, a lease over twice the renewal. */
    public TaskLeaseOptions
    {
        if (renewMillis < MIN_RENEW_MILLIS || leaseMillis <= 2 * renewMillis)
        {
            throw new IllegalArgumentException("tasks.leaseRenewMillis must be at least " + MIN_RENEW_MILLIS
                + " and tasks.leaseMillis more than twice tasks.leaseRenewMillis");
        }
    }

    /** @return the defaults for a store no other runtime opens. */
    public static TaskLeaseOptions local()
    {
        return new TaskLeaseOptions(false, DEFAULT_LEASE_MILLIS, DEFAULT_RENEW_MILLIS);
    }
}
