package dev.sxs.jmx.mbean;

import dev.sxs.jmx.access.SessionAccess;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.session.Principal;

/**
 * The {@link SessionsMXBean}: lists through {@link SessionAccess}; {@code close} is audited (by the
 * gateway) as {@code Sessions.close}. Thread-safe; holds no state of its own.
 */
public final class SessionsControl implements SessionsMXBean
{
    private final SessionAccess sessions;

    /**
     * @param sessions the runtime's sessions.
     */
    public SessionsControl(final SessionAccess sessions)
    {
        this.sessions = sessions;
    }

    @Override
    public int getOpen()
    {
        return sessions.sessions().size();
    }

    @Override
    public String[] getSessions()
    {
        return sessions.sessions().toArray(String[]::new);
    }

    @Override
    public String[] getHandlers()
    {
        return sessions.handlers().toArray(String[]::new);
    }

    @Override
    public String close(final String session)
    {
        if (session == null || session.isBlank())
        {
            throw new IllegalArgumentException("close: session is empty (give its name or ID)");
        }
        return sessions.close(Principal.jmx(CurrentSubject.who()), session);
    }
}
