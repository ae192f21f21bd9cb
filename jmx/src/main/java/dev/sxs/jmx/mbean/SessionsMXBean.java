package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;

/**
 * {@code dev.sxs:type=Sessions}: the open sessions of the runtime and the handlers they registered.
 */
@Description("Open sxs sessions (who evaluates, in which scope) with the event handlers they registered; close one.")
public interface SessionsMXBean
{
    /** @return the number of open sessions. */
    @Description("Number of open sessions.")
    int getOpen();

    /** @return one line per session. */
    @Description("One line per open session: ID NAME PRINCIPAL ENTITY \"SCOPE\" HANDLERS (NAME - for an unnamed "
        + "session; PRINCIPAL origin:user, e.g. cli:local, jmx:admin, boot, replay, api; ENTITY the entity it runs "
        + "as, e.g. root).")
    String[] getSessions();

    /** @return one line per handler. */
    @Description("One line per registered handler: SESSION CHANNEL TOPIC ORIGIN BODY (BODY: the first line of the "
        + "handler's body as written).")
    String[] getHandlers();

    /**
     * @param session the session.
     * @return what happened.
     */
    @Description(value = "Close a session: every handler it registered is removed; later evals naming it open a new "
        + "one. Returns what was removed; fails when no such session is open. "
        + "Audited.", impact = MBeanOperationInfo.ACTION)
    String close(@Param(name = "session", description = "session name, or its ID as listed") String session);
}
