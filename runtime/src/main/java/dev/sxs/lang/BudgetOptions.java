package dev.sxs.lang;

/**
 * The limits of one evaluation: each script (or handler run) gets a fresh {@link Budget} of these.
 * The defaults of the language's settings are the {@code DEFAULT_*} constants here; the runtime's
 * {@code Config} takes them from here. Immutable.
 *
 * @param steps  evaluation steps one script may take.
 * @param millis wall time one script may take, milliseconds.
 */
public record BudgetOptions(long steps, long millis)
{
    /** Default steps per script. */
    public static final long DEFAULT_STEPS = 1_000_000;
    /** Default wall time per script, milliseconds. */
    public static final long DEFAULT_MILLIS = 5000;

    /**
     * @throws IllegalArgumentException when a limit is below 1.
     */
    public BudgetOptions
    {
        if (steps < 1 || millis < 1)
        {
            throw new IllegalArgumentException("budget limits must be >= 1: steps=" + steps + ", millis=" + millis);
        }
    }

    /** @return the default budget: 1000000 steps, 5000 ms. */
    public static BudgetOptions defaults()
    {
        return new BudgetOptions(DEFAULT_STEPS, DEFAULT_MILLIS);
    }
}
