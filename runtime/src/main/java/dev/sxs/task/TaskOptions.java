package dev.sxs.task;

/**
 * The task engine's settings.
 *
 * @param concurrency     steps submitted to the processors at a time, across all tasks ({@code tasks.concurrency}).
 * @param retentionMillis how long a finished task and its frame are kept ({@code tasks.retentionMillis}).
 * @param inlineSteps     steps of one task run one after the other on the processor that ran the first, each
 *                        after the commit of the one before, before the task goes back to the queue
 *                        ({@code tasks.inlineSteps}; 1 sends every step through the execution channel).
 */
public record TaskOptions(int concurrency, long retentionMillis, int inlineSteps)
{
    /** Default of {@code tasks.concurrency}. */
    public static final int DEFAULT_CONCURRENCY = 64;
    /** Default of {@code tasks.retentionMillis}: one hour. */
    public static final long DEFAULT_RETENTION_MILLIS = 3_600_000L;
    /** Default of {@code tasks.inlineSteps}. */
    public static final int DEFAULT_INLINE_STEPS = 16;

    /** Checks the ranges. */
    public TaskOptions
    {
        if (concurrency < 1 || retentionMillis < 0 || inlineSteps < 1)
        {
            throw new IllegalArgumentException("tasks.concurrency and tasks.inlineSteps must be at least 1 and "
                + "tasks.retentionMillis 0 or more");
        }
    }

    /** @return the defaults. */
    public static TaskOptions defaults()
    {
        return new TaskOptions(DEFAULT_CONCURRENCY, DEFAULT_RETENTION_MILLIS, DEFAULT_INLINE_STEPS);
    }
}
