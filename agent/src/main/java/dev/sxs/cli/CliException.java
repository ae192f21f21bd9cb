package dev.sxs.cli;

/**
 * A command failed in a way the user must be told about: one line of message and an exit status.
 * Thrown by the CLI's helpers and turned into {@code sxs COMMAND: message} on stderr by {@link SxsCli}.
 */
public final class CliException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode the status to exit with ({@link SxsCli#EXIT_USAGE}, {@link SxsCli#EXIT_UNREACHABLE} ...).
     * @param message  one line for the user.
     */
    public CliException(final int exitCode, final String message)
    {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param exitCode the status to exit with.
     * @param message  one line for the user.
     * @param cause    the underlying failure.
     */
    public CliException(final int exitCode, final String message, final Throwable cause)
    {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the exit status. */
    public int exitCode()
    {
        return exitCode;
    }
}
