package dev.sxs.agent.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that prints WARN and ERROR as one line on stderr, prefixed {@code sxs [name]}, and
 * drops INFO, DEBUG and TRACE; a quiet one drops everything. Thread-safe; allocates only when it prints.
 */
final class StderrLogger extends LegacyAbstractLogger
{
    private static final long serialVersionUID = 1L;

    private final String shortName;
    private final boolean printing;

    StderrLogger(final String name, final boolean printing)
    {
        this.name = name;
        this.printing = printing;
        final int dot = name.lastIndexOf('.');
        this.shortName = dot < 0 ? name : name.substring(dot + 1);
    }

    @Override
    public boolean isTraceEnabled()
    {
        return false;
    }

    @Override
    public boolean isDebugEnabled()
    {
        return false;
    }

    @Override
    public boolean isInfoEnabled()
    {
        return false;
    }

    @Override
    public boolean isWarnEnabled()
    {
        return printing;
    }

    @Override
    public boolean isErrorEnabled()
    {
        return printing;
    }

    @Override
    protected String getFullyQualifiedCallerName()
    {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(final Level level, final Marker marker, final String messagePattern,
        final Object[] arguments, final Throwable throwable)
    {
        final String text = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        System.err.println("sxs [" + shortName + "] " + level + ": " + text
            + (throwable == null ? "" : " (" + throwable + ")"));
    }
}
