package dev.sxs.jmx.access;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.gateway.Gateway;
import dev.sxs.session.HandlerInfo;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRegistry;
import dev.sxs.session.SxsSession;

/**
 * {@link SessionAccess} over a runtime's {@link SessionRegistry}, closing through its {@link Gateway}
 * (which audits). Thread-safe.
 */
public final class RegistrySessions implements SessionAccess
{
    private final Gateway gateway;

    /**
     * @param gateway the runtime's gateway.
     */
    public RegistrySessions(final Gateway gateway)
    {
        this.gateway = gateway;
    }

    @Override
    public List<String> sessions()
    {
        final SessionRegistry registry = gateway.sessions();
        final List<String> lines = new ArrayList<>();
        for (final SxsSession s : registry.list())
        {
            lines.add(s.id() + " " + (s.isNamed() ? s.name() : SxsSession.UNNAMED) + " " + s.principal()
                + " " + s.entity() + " \"" + s.scope() + "\" " + registry.handlers(s).size());
        }
        return lines;
    }

    @Override
    public List<String> handlers()
    {
        final SessionRegistry registry = gateway.sessions();
        final List<String> lines = new ArrayList<>();
        for (final SxsSession s : registry.list())
        {
            for (final HandlerInfo h : registry.handlers(s))
            {
                lines.add(h.toLine());
            }
        }
        return lines;
    }

    @Override
    public String close(final Principal who, final String session)
    {
        final SxsSession found = gateway.sessions().find(session);
        final int removed = gateway.closeSession(who, session);
        if (found == null || removed < 0)
        {
            throw new IllegalArgumentException("close: no open session '" + session + "'");
        }
        return "closed session " + found.id() + " (" + (found.isNamed() ? found.name() : SxsSession.UNNAMED) + "): "
            + removed + (removed == 1 ? " handler" : " handlers") + " removed";
    }
}
