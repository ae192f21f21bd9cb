package dev.sxs.session;

/**
 * Resources other than handlers that a session owns by its id (probes on host methods, later tasks): an
 * unnamed session that owns any stays open after its script, and closing a session removes them, as it
 * removes its handlers. Registered with {@link SessionRegistry#own(SessionResources)}.
 * <p>
 * Threading: both methods may be called from any thread, concurrently with the owner's other calls.
 * Failure: neither throws.
 */
public interface SessionResources
{
    /**
     * @param sessionId a session's id.
     * @return true when that session owns at least one resource here.
     */
    boolean ownedBy(long sessionId);

    /**
     * Remove every resource the session owns.
     *
     * @param sessionId a session's id.
     * @return how many were removed.
     */
    int removeOwnedBy(long sessionId);
}
