package dev.sxs.lang;

/**
 * A value of the sxs language.
 * <p>
 * Values are immutable and safe to share between threads. Every value has exactly one canonical
 * printed form ({@link #print()}) which the reader reads back as an equal value; two values are
 * equal in the language when their canonical forms are equal, so {@code 5} and {@code "5"} differ.
 */
public sealed interface Value permits IntValue, RealValue, StrValue, SymValue, ListValue, ErrorValue
{
    /**
     * The canonical printed form of this value.
     *
     * @return text that reads back as an equal value.
     */
    default String print()
    {
        return Printer.print(this);
    }

    /**
     * Whether this value is an error value, which propagates through commands that receive it.
     *
     * @return true for {@link ErrorValue}.
     */
    default boolean isError()
    {
        return false;
    }

    /**
     * The truth of a value in a condition: only the symbol {@code false} is false; every other value,
     * {@code ()} and {@code 0} included, is true. (Callers deal with error values first: they propagate.)
     *
     * @param value a value.
     * @return false only for the symbol {@code false}.
     */
    static boolean isTrue(final Value value)
    {
        return value != SymValue.FALSE && !(value instanceof SymValue s && "false".equals(s.name()));
    }

    /**
     * An event payload as a value: the event system carries payloads opaquely, and within sxs they are
     * values; anything else (a host's object) becomes the string of its text.
     *
     * @param payload an event's payload.
     * @return the payload as a value; the symbol {@code null} for null.
     */
    static Value ofPayload(final Object payload)
    {
        if (payload instanceof Value v)
        {
            return v;
        }
        return payload == null ? new SymValue("null") : new StrValue(payload.toString());
    }
}
