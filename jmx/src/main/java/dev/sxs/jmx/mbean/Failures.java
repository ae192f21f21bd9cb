package dev.sxs.jmx.mbean;

/**
 * The exceptions an sxs MBean call fails with, as its JMX peers fail: a JDK exception type (so every
 * client, JConsole, jmxterm or Jolokia, can deserialize and show it) carrying sxs's message and no stack
 * frames (the frames would only show sxs internals to an operator; the message says what went wrong).
 * Bad arguments are {@link IllegalArgumentException}s, refusals of the runtime's state (queue full, store
 * full, journal off, a replay running) {@link IllegalStateException}s. Stateless; each call allocates one
 * exception.
 */
public final class Failures
{
    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

    private Failures()
    {
    }

    /**
     * @param message sxs's message, e.g. {@code keys: limit 0 is out of range 1..10000}.
     * @return an exception for a bad argument, without stack frames.
     */
    public static IllegalArgumentException badArgument(final String message)
    {
        return strip(new IllegalArgumentException(message));
    }

    /**
     * @param message sxs's message, e.g. {@code publish A 1: queue full}.
     * @return an exception for a refusal, without stack frames.
     */
    public static IllegalStateException refused(final String message)
    {
        return strip(new IllegalStateException(message));
    }

    /**
     * The exception a failed call leaves the MBean with: JDK argument, state, security and unsupported
     * operation exceptions keep their type and message; anything else (a bug, a library's exception
     * type a remote client could not load) becomes an {@link IllegalStateException} naming the call and
     * the message. The result has neither stack frames nor a cause.
     *
     * @param call   the attribute or operation, for the message of an unexpected failure.
     * @param failed what the call threw.
     * @return the exception to throw to the MBean server.
     */
    public static RuntimeException clean(final String call, final Throwable failed)
    {
        final String message = failed.getMessage();
        if (failed instanceof IllegalArgumentException)
        {
            return badArgument(message);
        }
        if (failed instanceof IllegalStateException)
        {
            return refused(message);
        }
        if (failed instanceof SecurityException)
        {
            return strip(new SecurityException(message));
        }
        if (failed instanceof UnsupportedOperationException)
        {
            return strip(new UnsupportedOperationException(message));
        }
        return refused(call + " failed: " + (message == null ? failed.getClass().getSimpleName() : message));
    }

    private static <T extends Throwable> T strip(final T exception)
    {
        exception.setStackTrace(NO_FRAMES);
        return exception;
    }
}
