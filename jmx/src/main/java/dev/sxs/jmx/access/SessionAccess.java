package dev.sxs.jmx.access;

import java.util.List;

import dev.sxs.session.Principal;

/**
 * What the {@code type=Sessions} MBean needs from a runtime: its open sessions and their handlers, and
 * closing one. Threading: any JMX thread.
 */
public interface SessionAccess
{
    /** @return one line per open session: {@code ID NAME PRINCIPAL ENTITY "SCOPE" HANDLERS}, by id. */
    List<String> sessions();

    /** @return one line per handler of an open session: {@code SESSION CHANNEL TOPIC ORIGIN BODY}. */
    List<String> handlers();

    /**
     * Close a session: its handlers are removed.
     *
     * @param who     who asks (audited).
     * @param session the session's name or id.
     * @return {@code closed session ID (NAME): N handlers removed}.
     * @throws IllegalArgumentException when no such session is open.
     */
    String close(Principal who, String session);
}
