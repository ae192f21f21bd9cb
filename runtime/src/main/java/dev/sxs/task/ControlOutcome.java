package dev.sxs.task;

/**
 * What became of a resume or a cancel asked of {@link ClusterTasks} (or of {@link TaskEngine}, where {@link #REQUESTED}
 * means only that this runtime may not commit the task now): applied here, sent to the task's owner, refused by the
 * task's state, or no such task.
 */
public enum ControlOutcome
{
    /** This runtime owns the task and applied it: the task is resumed or cancelled. */
    APPLIED,
    /**
     * Another runtime owns the task, or this one does while its lease is not held (it commits nothing then): the
     * request is in the store, and the owner (or the runtime that takes the task over when the owner has died, or
     * this one once its lease is back) applies it once, if the task is then still in the state it was asked in.
     */
    REQUESTED,
    /** The task is not paused or initialized (a resume), or has already ended (a cancel). */
    REFUSED,
    /** There is no such task. */
    NO_TASK;

    /** @return true when the request was applied or accepted for the owner. */
    public boolean accepted()
    {
        return this == APPLIED || this == REQUESTED;
    }
}
