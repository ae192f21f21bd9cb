package dev.sxs.jmx.mbean;

import dev.sxs.jmx.access.TaskAccess;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.remote.CurrentSubject;

/**
 * The {@link TasksMXBean}: reads and drives tasks through {@link TaskAccess}; {@code resume} and
 * {@code cancel} are audited before they run. Bad arguments throw {@link IllegalArgumentException} with
 * sxs's message. Thread-safe; holds no state of its own.
 */
public final class TasksControl implements TasksMXBean
{
    private final TaskAccess tasks;
    private final AuditLog audit;

    /**
     * @param tasks the runtime's tasks.
     * @param audit where resumes and cancels are recorded.
     */
    public TasksControl(final TaskAccess tasks, final AuditLog audit)
    {
        this.tasks = tasks;
        this.audit = audit;
    }

    @Override
    public String[] getCounts()
    {
        return tasks.counts().toArray(String[]::new);
    }

    @Override
    public String[] list(final String state, final long offset, final int limit)
    {
        return tasks.list(state, offset, limit).toArray(String[]::new);
    }

    @Override
    public String[] show(final long id)
    {
        return tasks.show(id).toArray(String[]::new);
    }

    @Override
    public String resume(final long id)
    {
        audit.record(CurrentSubject.who(), "Tasks.resume", Long.toString(id));
        return switch (tasks.resume(id))
        {
            case APPLIED -> "resumed task " + id;
            case REQUESTED -> "asked the owner of task " + id + " to resume it";
            case REFUSED -> "task " + id + " is not paused";
            case NO_TASK -> throw new IllegalArgumentException("no task " + id);
        };
    }

    @Override
    public String cancel(final long id)
    {
        audit.record(CurrentSubject.who(), "Tasks.cancel", Long.toString(id));
        return switch (tasks.cancel(id))
        {
            case APPLIED -> "cancelled task " + id;
            case REQUESTED -> "asked the owner of task " + id + " to cancel it";
            case REFUSED -> "task " + id + " has already ended";
            case NO_TASK -> throw new IllegalArgumentException("no task " + id);
        };
    }
}
