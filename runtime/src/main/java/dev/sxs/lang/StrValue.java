package dev.sxs.lang;

import java.util.Objects;

/**
 * A string; printed in double quotes with the escapes {@code \" \\ \n \t \r}.
 *
 * @param text the text, never null.
 */
public record StrValue(String text) implements Value
{
    public StrValue
    {
        Objects.requireNonNull(text, "text");
    }

    /** @return the canonical printed form, as {@link #print()}. */
    @Override
    public String toString()
    {
        return print();
    }
}
