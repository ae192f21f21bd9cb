package dev.sxs.lang;

/**
 * The dynamic bindings a {@link Context} can hold. A symbol naming a binding evaluates to the bound
 * value; when nothing is bound it evaluates to itself, like any other symbol.
 * <p>
 * The constants {@code $CHANNEL_A}..{@code $CHANNEL_F} are not bindings: the compiler turns them
 * into the symbols {@code A}..{@code F}.
 */
public enum Binding
{
    /** {@code $key}: the key being visited by {@code core/kv/iterate}, a string, scope removed. */
    KEY("$key"),
    /** {@code $data}: the payload of the event a handler is running for. */
    DATA("$data"),
    /** {@code $channel}: the channel of that event, a symbol {@code A}..{@code F}. */
    CHANNEL("$channel"),
    /** {@code $topic}: the topic of that event, an integer. */
    TOPIC("$topic");

    private static final Binding[] VALUES = values();

    private final String symbol;

    Binding(final String symbol)
    {
        this.symbol = symbol;
    }

    /** @return the symbol name, e.g. {@code $key}. */
    public String symbol()
    {
        return symbol;
    }

    /**
     * @param name a symbol name.
     * @return the binding that symbol names, or null.
     */
    public static Binding bySymbol(final String name)
    {
        if (name.isEmpty() || name.charAt(0) != '$')
        {
            return null;
        }
        for (final Binding b : VALUES)
        {
            if (b.symbol.equals(name))
            {
                return b;
            }
        }
        return null;
    }
}
