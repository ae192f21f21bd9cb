package dev.sxs.gateway;

import dev.sxs.session.Principal;

/**
 * Something handed to the {@link Gateway}: a {@link ScriptSubmission} or an {@link EventSubmission}.
 */
public sealed interface Submission permits ScriptSubmission, EventSubmission
{
    /** @return who submits, and through which way in. */
    Principal principal();

    /** @return the action as the audit trail names it, e.g. {@code Runtime.eval} or {@code Channel.A.publish}. */
    String action();
}
