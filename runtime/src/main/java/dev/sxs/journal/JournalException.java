package dev.sxs.journal;

/**
 * A journal operation failed: closed journal, unreadable folder, or an I/O failure underneath.
 * The message names the operation and the cause.
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed.
     */
    public JournalException(final String message)
    {
        super(message);
    }

    /**
     * @param message what failed.
     * @param cause   the underlying failure.
     */
    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
