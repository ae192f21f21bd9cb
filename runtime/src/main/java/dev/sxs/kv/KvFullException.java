package dev.sxs.kv;

/**
 * The store has no room for an entry. Callers in the language turn this into {@code @"kv full: ..."}.
 */
public final class KvFullException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what did not fit and the configured sizing.
     * @param cause   the underlying failure, or null.
     */
    public KvFullException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
