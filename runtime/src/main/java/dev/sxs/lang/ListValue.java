package dev.sxs.lang;

import java.util.List;
import java.util.Objects;

/**
 * A list: a call {@code (...)}, a sequence {@code [...]} or a block {@code {...}}.
 *
 * @param kind  the bracket shape.
 * @param items the elements, an unmodifiable list.
 */
public record ListValue(ListKind kind, List<Value> items) implements Value
{
    public ListValue
    {
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(items);
    }

    /** @return the canonical printed form, as {@link #print()}. */
    @Override
    public String toString()
    {
        return print();
    }
}
