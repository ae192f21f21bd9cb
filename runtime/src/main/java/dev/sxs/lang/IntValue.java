package dev.sxs.lang;

/**
 * A signed 64-bit integer.
 *
 * @param value the integer.
 */
public record IntValue(long value) implements Value
{
    private static final IntValue[] SMALL = new IntValue[256];

    static
    {
        for (int i = 0; i < SMALL.length; i++)
        {
            SMALL[i] = new IntValue(i - 128);
        }
    }

    /**
     * An integer value, shared for small magnitudes to avoid allocation on hot paths.
     *
     * @param value the integer.
     * @return the value.
     */
    public static IntValue of(final long value)
    {
        return value >= -128 && value < 128 ? SMALL[(int)value + 128] : new IntValue(value);
    }

    /** @return the canonical printed form, as {@link #print()}. */
    @Override
    public String toString()
    {
        return print();
    }
}
