package dev.sxs.task;

import java.util.Locale;

/**
 * The states of a task, as its frame's {@code state} key holds them (the lower-case name as a string
 * value, e.g. {@code "paused"}).
 */
public enum TaskState
{
    /** Made by {@code core/task/new}, not started. */
    INITIALIZED,
    /** Its steps are being run. */
    RUNNING,
    /** Yielded; waits for {@code core/task/resume}. */
    PAUSED,
    /** Waits for an event or a due time. */
    WAITING,
    /** Ran its last step; {@code result} holds its value. */
    DONE,
    /** A step gave an error; {@code error} holds its message. */
    FAILED,
    /** Cancelled from outside. */
    CANCELLED;

    /** @return the name the frame stores, e.g. {@code paused}. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true for the states a task never leaves. */
    public boolean ended()
    {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    /**
     * @param label a stored label.
     * @return the state, or null.
     */
    public static TaskState of(final String label)
    {
        for (final TaskState s : values())
        {
            if (s.label().equals(label))
            {
                return s;
            }
        }
        return null;
    }
}
