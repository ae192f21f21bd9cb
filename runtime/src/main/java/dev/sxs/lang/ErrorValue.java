package dev.sxs.lang;

import java.util.Objects;

/**
 * An error value; printed as {@code @"message"}. Errors propagate: a command that receives one as
 * an evaluated argument returns it. Errors cannot be stored.
 *
 * @param message what went wrong, never null.
 */
public record ErrorValue(String message) implements Value
{
    public ErrorValue
    {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isError()
    {
        return true;
    }

    /** @return the canonical printed form, as {@link #print()}. */
    @Override
    public String toString()
    {
        return print();
    }
}
