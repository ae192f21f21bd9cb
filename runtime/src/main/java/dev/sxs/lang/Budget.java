package dev.sxs.lang;

/**
 * The evaluation budget of one script run (or one handler run): a number of steps and a wall-clock
 * limit, and a size limit on each list or string a command makes ({@link #size}). Every call evaluated
 * costs one step; wall time is checked every {@link #TIME_CHECK_INTERVAL} steps so the hot path does not
 * read the clock each step.
 * <p>
 * Once exceeded the budget stays exceeded: every later {@link #step()} returns the same error, so
 * evaluation stops as the error propagates.
 * <p>
 * A budget can be cancelled from another thread ({@link #cancel}, e.g. by a caller that stopped waiting):
 * the next clock check (within {@link #TIME_CHECK_INTERVAL} steps) then fails with the cancellation's
 * error, and a blocking wait registered with {@link #onCancel} (an await) is woken at once.
 * <p>
 * Threading: confined to the thread evaluating with it, except {@link #cancel} (any thread). Allocation:
 * none per step; {@link #reset()} lets a worker reuse one instance across runs.
 */
public final class Budget
{
    /** Steps between two reads of the clock. */
    public static final int TIME_CHECK_INTERVAL = 256;

    private final long maxSteps;
    private final long maxMillis;
    private final long maxNanos;
    private final long maxSize;
    private long steps;
    private int formsRun;
    private long startNanos;
    private ErrorValue exceeded;
    private final EvaluationStats stats;
    private volatile ErrorValue cancelled;
    private volatile Runnable onCancel;

    /**
     * @param maxSteps  steps allowed, at least 1.
     * @param maxMillis wall time allowed in milliseconds, at least 1.
     */
    public Budget(final long maxSteps, final long maxMillis)
    {
        this(maxSteps, maxMillis, null);
    }

    /**
     * @param maxSteps  steps allowed, at least 1.
     * @param maxMillis wall time allowed in milliseconds, at least 1.
     * @param stats     counts each run (construction and {@link #reset()}) and each overrun; null for none.
     */
    public Budget(final long maxSteps, final long maxMillis, final EvaluationStats stats)
    {
        this(maxSteps, maxMillis, BudgetOptions.DEFAULT_SIZE, stats);
    }

    /**
     * @param maxSteps  steps allowed, at least 1.
     * @param maxMillis wall time allowed in milliseconds, at least 1.
     * @param maxSize   items of a list, or characters of a string, one value made by a command may hold.
     * @param stats     counts each run (construction and {@link #reset()}) and each overrun; null for none.
     */
    public Budget(final long maxSteps, final long maxMillis, final long maxSize, final EvaluationStats stats)
    {
        this.stats = stats;
        if (maxSteps < 1 || maxMillis < 1 || maxSize < 1)
        {
            throw new IllegalArgumentException("budget needs at least 1 step, 1 ms and a size of 1: " + maxSteps
                + ", " + maxMillis + ", " + maxSize);
        }
        this.maxSize = maxSize;
        this.maxSteps = maxSteps;
        this.maxMillis = maxMillis;
        this.maxNanos = maxMillis > Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : maxMillis * 1_000_000L;
        reset();
    }

    /**
     * Start counting again from zero steps and now.
     */
    public void reset()
    {
        steps = 0;
        formsRun = 0;
        startNanos = System.nanoTime();
        exceeded = null;
        cancelled = null;
        onCancel = null;
        if (stats != null)
        {
            stats.evaluated();
        }
    }

    /**
     * Spend one step.
     *
     * @return null while within budget, else the error value to return (the same one every time).
     */
    public ErrorValue step()
    {
        if (exceeded != null)
        {
            return exceeded;
        }
        final long s = ++steps;
        if (s > maxSteps)
        {
            exceeded = new ErrorValue("budget exceeded: " + maxSteps + " steps");
            overrun();
            return exceeded;
        }
        if ((s & (TIME_CHECK_INTERVAL - 1)) == 0)
        {
            return checkTime();
        }
        return null;
    }

    /**
     * Check the size of a value a command is about to make (a list's items, a string's characters), before
     * making it. Exceeding it exceeds the budget, like running out of steps.
     *
     * @param size the size the value would have.
     * @return null while within the limit, else the error value.
     */
    public ErrorValue size(final long size)
    {
        if (exceeded != null)
        {
            return exceeded;
        }
        if (size > maxSize)
        {
            exceeded = new ErrorValue("budget exceeded: a value of more than " + maxSize + " items or characters");
            overrun();
        }
        return exceeded;
    }

    /**
     * Check the wall-clock limit now, without spending a step.
     *
     * @return null while within budget, else the error value.
     */
    public ErrorValue checkTime()
    {
        if (exceeded == null && cancelled != null)
        {
            exceeded = cancelled;
        }
        else if (exceeded == null && System.nanoTime() - startNanos > maxNanos)
        {
            exceeded = new ErrorValue("budget exceeded: " + maxMillis + " ms");
            overrun();
        }
        return exceeded;
    }

    /**
     * @return milliseconds of wall time left (0 once exceeded or cancelled): the longest a blocking wait of
     *         this run (an await) may last.
     */
    public long remainingMillis()
    {
        if (exceeded != null || cancelled != null)
        {
            return 0;
        }
        final long left = maxNanos - (System.nanoTime() - startNanos);
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000L);
    }

    /**
     * Cancel the run: from its next clock check on, the budget is exceeded with {@code @"cancelled: WHY"},
     * and the wait registered with {@link #onCancel}, if any, is woken. Idempotent; any thread.
     *
     * @param why what cancelled it, e.g. {@code caller timed out}.
     */
    public void cancel(final String why)
    {
        if (cancelled == null)
        {
            cancelled = new ErrorValue("cancelled: " + why);
        }
        final Runnable wake = onCancel;
        if (wake != null)
        {
            wake.run();
        }
    }

    /**
     * End the run's wall time now (a wait of the run reached {@link #remainingMillis()}): the budget is
     * exceeded from here on, with the cancellation's error when it was cancelled.
     *
     * @return the error value.
     */
    public ErrorValue timeUp()
    {
        if (checkTime() == null)
        {
            exceeded = new ErrorValue("budget exceeded: " + maxMillis + " ms");
            overrun();
        }
        return exceeded;
    }

    /**
     * @return true once {@link #cancel} was called (since the last reset).
     */
    public boolean isCancelled()
    {
        return cancelled != null;
    }

    /**
     * Register the blocking wait the evaluating thread is about to enter, so {@link #cancel} wakes it; pass
     * null after the wait. When the budget is cancelled already the wake runs at once.
     *
     * @param wake wakes the wait (e.g. cancels an awaiter); null to unregister.
     */
    public void onCancel(final Runnable wake)
    {
        onCancel = wake;
        if (wake != null && cancelled != null)
        {
            wake.run();
        }
    }

    private void overrun()
    {
        if (stats != null)
        {
            stats.overrun();
        }
    }

    /** @return the error once exceeded, else null. */
    public ErrorValue exceeded()
    {
        return exceeded;
    }

    /** Count one top-level form of the script as completed ({@link Script#run}). */
    void formRun()
    {
        formsRun++;
    }

    /**
     * @return the top-level forms completed since the last reset before the run was cancelled (a form in flight
     *     when it was cancelled, which may have done part of its work, does not count).
     */
    public int formsRun()
    {
        return formsRun;
    }

    /** @return steps spent since the last reset. */
    public long steps()
    {
        return steps;
    }

    /** @return the step limit. */
    public long maxSteps()
    {
        return maxSteps;
    }

    /** @return the size limit of one value: items of a list, characters of a string. */
    public long maxSize()
    {
        return maxSize;
    }

    /** @return the wall-time limit in milliseconds. */
    public long maxMillis()
    {
        return maxMillis;
    }
}
