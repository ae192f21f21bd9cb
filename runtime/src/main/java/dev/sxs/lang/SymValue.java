package dev.sxs.lang;

import java.util.Objects;

/**
 * A symbol; printed bare. Booleans are the symbols {@code true} and {@code false}.
 *
 * @param name the symbol's name, never null or empty.
 */
public record SymValue(String name) implements Value
{
    /** The symbol {@code true}. */
    public static final SymValue TRUE = new SymValue("true");
    /** The symbol {@code false}. */
    public static final SymValue FALSE = new SymValue("false");

    public SymValue
    {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The boolean symbol for a Java boolean.
     *
     * @param value the boolean.
     * @return {@link #TRUE} or {@link #FALSE}.
     */
    public static SymValue of(final boolean value)
    {
        return value ? TRUE : FALSE;
    }

    /** @return the canonical printed form, as {@link #print()}. */
    @Override
    public String toString()
    {
        return print();
    }
}
