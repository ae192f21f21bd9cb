package dev.sxs.task;

/**
 * The task engine's settings.
 *
 * @param concurrency     steps submitted to the processors at a time, across all tasks ({@code tasks.concurrency}).
 * @param retentionMillis how long a finished task and its frame are kept ({@code tasks.retentionMillis}).
 */
public record TaskOptions(int concurrency, long retentionMillis)
{
    /** Default of {@code tasks.concurrency}. */
    public static final int DEFAULT_CONCURRENCY = 64;
    /** Default of {@code tasks.retentionMillis}: one hour. */
    public static final long DEFAULT_RETENTION_MILLIS = 3_600_000L;

    /** Checks the ranges. */
    public TaskOptions
    {
        if (concurrency < 1 || retentionMillis < 0)
        {
            throw new IllegalArgumentException(
                "tasks.concurrency must be at least 1 and tasks.retentionMillis 0 or more");
        }
    }

    /** @return the defaults. */
    public static TaskOptions defaults()
    {
        return new TaskOptions(DEFAULT_CONCURRENCY, DEFAULT_RETENTION_MILLIS);
    }
}
