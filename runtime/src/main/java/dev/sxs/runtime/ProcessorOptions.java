package dev.sxs.runtime;

/**
 * How many script {@link Processors} serve the execution channel. The default of the {@code processors}
 * setting is {@link #DEFAULT_COUNT}; {@link Config} takes it from here. Immutable.
 *
 * @param count processors; a script submitted on topic {@code t} runs on processor {@code t mod count}.
 */
public record ProcessorOptions(int count)
{
    /** Default number of processors. */
    public static final int DEFAULT_COUNT = 4;

    /**
     * @throws IllegalArgumentException when count is below 1.
     */
    public ProcessorOptions
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("processors must be >= 1: " + count);
        }
    }
}
