package dev.sxs.session;

/**
 * The lifecycle of a {@link SxsSession}: open from creation until closed; a closed session owns no
 * handler and takes no submission.
 */
public enum SessionState
{
    /** Takes submissions; its handlers are registered. */
    OPEN,
    /** Closed: its handlers were removed; it is no longer listed. */
    CLOSED
}
