package dev.sxs.gateway;

import java.util.Objects;

import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;

/**
 * A script to run. Immutable.
 *
 * @param source    the script text.
 * @param principal who submits.
 * @param action    the audited action name, e.g. {@code Runtime.eval}.
 * @param session   which session it runs in.
 * @param topic     the execution-channel topic, or {@link #SESSION_TOPIC} for the session's own.
 */
public record ScriptSubmission(String source, Principal principal, String action, SessionRequest session, int topic)
    implements Submission
{
    /** Run on the session's topic, so one processor runs every script of the session in order. */
    public static final int SESSION_TOPIC = -1;

    /** Checks the parts are present. */
    public ScriptSubmission
    {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(session, "session");
    }

    /**
     * @param source    the script text.
     * @param principal who submits.
     * @param action    the audited action name.
     * @param session   which session.
     * @return a submission on the session's topic.
     */
    public static ScriptSubmission of(final String source, final Principal principal, final String action,
        final SessionRequest session)
    {
        return new ScriptSubmission(source, principal, action, session, SESSION_TOPIC);
    }
}
