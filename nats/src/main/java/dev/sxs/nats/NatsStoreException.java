package dev.sxs.nats;

/**
 * A store operation on NATS failed: the cluster did not answer in time, or refused. The message says what,
 * in words a user can act on (no class names); the language shows it as an error value
 * ({@code @"core/kv/get: internal error: nats: get of 'k' failed: no answer from the NATS cluster (...)"}).
 */
public final class NatsStoreException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed.
     * @param cause   the client's exception.
     */
    public NatsStoreException(final String message, final Throwable cause)
    {
        super(message, cause);
    }

    /** @return the message alone: the language prints a failed command's exception, and users see no class names. */
    @Override
    public String toString()
    {
        return getMessage();
    }
}
