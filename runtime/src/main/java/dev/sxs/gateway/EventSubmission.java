package dev.sxs.gateway;

import java.util.Objects;

import dev.sxs.events.Channel;
import dev.sxs.session.Principal;

/**
 * An event to publish. Immutable.
 *
 * @param channel   the channel (A..F; the execution channel takes scripts only).
 * @param topic     0..65535.
 * @param payload   the opaque payload, not null.
 * @param principal who submits.
 * @param action    the audited action name, e.g. {@code Channel.A.publish}.
 * @param scope     the origin scope recorded with the event; null for the default scope.
 */
public record EventSubmission(Channel channel, int topic, Object payload, Principal principal, String action,
    String scope) implements Submission
{
    /** Checks the parts are present. */
    public EventSubmission
    {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
    }
}
