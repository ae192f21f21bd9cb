package dev.sxs.session;

/**
 * Which session a submission runs in. Immutable.
 *
 * @param name    the session's name; null for a fresh unnamed session (today's behaviour of every eval).
 *                Submissions with the same name share one session.
 * @param scope   the scope; null for the session's own scope, or the runtime's default scope for a new one.
 * @param replace close the named session first (its handlers go), then open it again.
 */
public record SessionRequest(String name, String scope, boolean replace)
{
    /** A fresh unnamed session in the default scope. */
    public static final SessionRequest FRESH = new SessionRequest(null, null, false);

    /** Checks a name, when given, is not blank. */
    public SessionRequest
    {
        if (name != null && name.isBlank())
        {
            name = null;
        }
        if (replace && name == null)
        {
            throw new IllegalArgumentException("replace needs a session name");
        }
    }

    /**
     * @param scope the scope, null for the default.
     * @return a fresh unnamed session in that scope.
     */
    public static SessionRequest fresh(final String scope)
    {
        return new SessionRequest(null, scope, false);
    }

    /**
     * @param name  the session name.
     * @param scope the scope, null for the session's or the default.
     * @return the named session, opened when missing.
     */
    public static SessionRequest named(final String name, final String scope)
    {
        return new SessionRequest(name, scope, false);
    }
}
