package dev.sxs.gateway;

/**
 * Role: whether a principal may make a submission. The entities issue adds per-entity permissions; until
 * then every submission is allowed ({@link #ALLOW_ALL}).
 * <p>
 * Threading: any thread, on the submitter's path: keep it cheap and non-blocking. Failure: must not throw.
 */
@FunctionalInterface
public interface AccessPolicy
{
    /** Allows everything. */
    AccessPolicy ALLOW_ALL = submission -> true;

    /**
     * @param submission the submission, with its principal.
     * @return true when it may go ahead.
     */
    boolean permits(Submission submission);
}
