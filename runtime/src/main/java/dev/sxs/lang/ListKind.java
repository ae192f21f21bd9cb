package dev.sxs.lang;

/**
 * The three bracket shapes of a list, each with its own evaluation rule.
 */
public enum ListKind
{
    /** {@code (head arg ...)}: a command call. */
    CALL('(', ')'),
    /** {@code [form ...]}: evaluated in order, stopping at the first error. */
    SEQUENCE('[', ']'),
    /** {@code {form ...}}: not evaluated where written; commands take it as a body. */
    BLOCK('{', '}');

    private final char open;
    private final char close;

    ListKind(final char open, final char close)
    {
        this.open = open;
        this.close = close;
    }

    /** @return the opening bracket. */
    public char open()
    {
        return open;
    }

    /** @return the closing bracket. */
    public char close()
    {
        return close;
    }
}
