package dev.sxs.lang;

/**
 * Where {@code core/util/log} lines go.
 * <p>
 * Threading: called from any evaluating thread; implementations must be thread-safe. Failure:
 * implementations must not throw.
 */
@FunctionalInterface
public interface LogSink
{
    /** Writes each line to {@link System#err}, prefixed by nothing. */
    LogSink STDERR = (session, line) -> System.err.println(line);

    /** Drops every line. */
    LogSink NONE = (session, line) ->
    {
    };

    /**
     * Record one log line.
     *
     * @param session the session whose script logged it.
     * @param line    the text, without a line terminator.
     */
    void log(Session session, String line);
}
