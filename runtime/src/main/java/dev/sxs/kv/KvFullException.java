package dev.sxs.kv;

/**
 * The store has no room for an entry: it is full, or one value is larger than any entry the store takes
 * ({@link #valueTooLarge()}). Callers in the language turn this into {@link #languageMessage()}.
 */
public final class KvFullException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final boolean valueTooLarge;

    /**
     * A full store.
     *
     * @param message what did not fit and the configured sizing.
     * @param cause   the underlying failure, or null.
     */
    public KvFullException(final String message, final Throwable cause)
    {
        this(message, cause, false);
    }

    private KvFullException(final String message, final Throwable cause, final boolean valueTooLarge)
    {
        super(message, cause);
        this.valueTooLarge = valueTooLarge;
    }

    /**
     * @param message what was too large and how large a value may be.
     * @param cause   the underlying failure, or null.
     * @return an exception saying one value is too large, whatever room the store has.
     */
    public static KvFullException valueTooLarge(final String message, final Throwable cause)
    {
        return new KvFullException(message, cause, true);
    }

    /** @return true when one value was too large for an entry (not a full store). */
    public boolean valueTooLarge()
    {
        return valueTooLarge;
    }

    /** @return the error value's text: {@code kv full: ...}, or the message alone for a value too large. */
    public String languageMessage()
    {
        return valueTooLarge ? getMessage() : "kv full: " + getMessage();
    }
}
