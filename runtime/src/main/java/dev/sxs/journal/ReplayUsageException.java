package dev.sxs.journal;

/**
 * Bad usage of {@code sxs replay}: the message names the option and value and what was expected.
 */
public final class ReplayUsageException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong.
     */
    public ReplayUsageException(final String message)
    {
        super(message);
    }
}
