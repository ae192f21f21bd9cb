package dev.sxs.lang;

/**
 * An IEEE double; printed in Java's shortest round-trip form ({@code 18.7}, {@code 1.0E10}).
 *
 * @param value the double.
 */
public record RealValue(double value) implements Value
{

    /** @return the canonical printed form, as {@link #print()}. */
    @Override
    public String toString()
    {
        return print();
    }
}
