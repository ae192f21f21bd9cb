package dev.sxs.lang;

/**
 * The evaluation budget of one script run (or one handler run): a number of steps and a wall-clock
 * limit. Every call evaluated costs one step; wall time is checked every
 * {@link #TIME_CHECK_INTERVAL} steps so the hot path does not read the clock each step.
 * <p>
 * Once exceeded the budget stays exceeded: every later {@link #step()} returns the same error, so
 * evaluation stops as the error propagates.
 * <p>
 * Threading: confined to the thread evaluating with it. Allocation: none per step; {@link #reset()}
 * lets a worker reuse one instance across runs.
 */
public final class Budget
{
    /** Steps between two reads of the clock. */
    public static final int TIME_CHECK_INTERVAL = 256;

    private final long maxSteps;
    private final long maxMillis;
    private final long maxNanos;
    private long steps;
    private long startNanos;
    private ErrorValue exceeded;
    private final EvaluationStats stats;

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
        this.stats = stats;
        if (maxSteps < 1 || maxMillis < 1)
        {
            throw new IllegalArgumentException("budget needs at least 1 step and 1 ms: " + maxSteps + ", " + maxMillis);
        }
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
        startNanos = System.nanoTime();
        exceeded = null;
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
     * Check the wall-clock limit now, without spending a step.
     *
     * @return null while within budget, else the error value.
     */
    public ErrorValue checkTime()
    {
        if (exceeded == null && System.nanoTime() - startNanos > maxNanos)
        {
            exceeded = new ErrorValue("budget exceeded: " + maxMillis + " ms");
            overrun();
        }
        return exceeded;
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

    /** @return the wall-time limit in milliseconds. */
    public long maxMillis()
    {
        return maxMillis;
    }
}
