package dev.sxs.agent.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that prints WARN and ERROR as one line on stderr, {@code [sxs] Name WARN: ...} like sxs's
 * own warnings, and drops INFO, DEBUG and TRACE; a quiet one drops everything. Before Chronicle Map's
 * recovery warning (which speaks of a "risk of losing and/or corrupting" data) it prints one sxs line saying
 * why the recovery runs and what it checks. Thread-safe; allocates only when it prints.
 */
final class StderrLogger extends LegacyAbstractLogger
{
    private static final long serialVersionUID = 1L;

    /** Words of Chronicle Map's warning when it recovers a store file. */
    static final String RECOVERY_WARNING = "risk of losing and/or corrupting";
    /** The sxs line printed before it. */
    static final String RECOVERY_NOTE = "[sxs] the store file was not closed cleanly (no store.clean marker: the "
        + "process stopped without stopping sxs), so Chronicle Map recovers it, as expected after an unclean stop: "
        + "it clears the dead process's segment locks and checks and repairs every segment, verifying each entry's "
        + "checksum; sxs then rebuilds its key index from the entries. Chronicle's warning follows";

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
        System.err.println(format(shortName, level, MessageFormatter.basicArrayFormat(messagePattern, arguments),
            throwable));
    }

    /**
     * @param shortName the logger's simple name.
     * @param level     the level.
     * @param text      the message.
     * @param throwable the failure, or null.
     * @return the line (two lines, the sxs note first, for Chronicle Map's recovery warning).
     */
    static String format(final String shortName, final Level level, final String text, final Throwable throwable)
    {
        final String line = "[sxs] " + shortName + " " + level + ": " + text
            + (throwable == null ? "" : " (" + throwable + ")");
        return text != null && text.contains(RECOVERY_WARNING) ? RECOVERY_NOTE + System.lineSeparator() + line : line;
    }
}
