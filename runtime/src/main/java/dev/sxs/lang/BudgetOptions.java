package dev.sxs.lang;

/**
 * The limits of one evaluation: each script (or handler run) gets a fresh {@link Budget} of these.
 * The defaults of the language's settings are the {@code DEFAULT_*} constants here; the runtime's
 * {@code Config} takes them from here. Immutable.
 *
 * @param steps  evaluation steps one script may take.
 * @param millis wall time one script may take, milliseconds.
 * @param size   the most items a list, or characters (UTF-16 units) a string, made by a command may hold.
 */
public record BudgetOptions(long steps, long millis, long size)
{
    /** Default steps per script. */
    public static final long DEFAULT_STEPS = 1_000_000;
    /** Default wall time per script, milliseconds. */
    public static final long DEFAULT_MILLIS = 5000;
    /** Default size limit of one value a command makes: items of a list, characters of a string. */
    public static final long DEFAULT_SIZE = 100_000;

    /**
     * @throws IllegalArgumentException when a limit is below 1.
     */
    public BudgetOptions
    {
        if (steps < 1 || millis < 1 || size < 1)
        {
            throw new IllegalArgumentException("budget limits must be >= 1: steps=" + steps + ", millis=" + millis
                + ", size=" + size);
        }
    }

    /**
     * Limits with the default size limit.
     *
     * @param steps  evaluation steps one script may take.
     * @param millis wall time one script may take, milliseconds.
     */
    public BudgetOptions(final long steps, final long millis)
    {
        this(steps, millis, DEFAULT_SIZE);
    }

    /** @return the default budget: 1000000 steps, 5000 ms, values of at most 100000 items or characters. */
    public static BudgetOptions defaults()
    {
        return new BudgetOptions(DEFAULT_STEPS, DEFAULT_MILLIS, DEFAULT_SIZE);
    }
}
