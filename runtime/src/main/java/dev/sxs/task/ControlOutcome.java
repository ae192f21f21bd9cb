package dev.sxs.task;

/**
 * What became of a resume or a cancel asked of {@link ClusterTasks}: applied here, sent to the task's owner in
 * another runtime, refused by the task's state, or no such task.
 */
public enum ControlOutcome
{
    /** This runtime owns the task and applied it: the task is resumed or cancelled. */
    APPLIED,
    /**
     * Another runtime owns the task: the request is in the store, and the owner (or the runtime that takes the task
     * over when the owner has died) applies it once, if the task is then still in the state it was asked in.
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
