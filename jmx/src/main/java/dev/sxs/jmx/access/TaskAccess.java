package dev.sxs.jmx.access;

import dev.sxs.task.ControlOutcome;
import java.util.List;

/**
 * What the {@code type=Tasks} MBean needs from a runtime: its durable tasks by state, one task's frame, and
 * resuming or cancelling one. Threading: any JMX thread.
 */
public interface TaskAccess
{
    /** A runtime without tasks: no tasks, nothing to resume or cancel. */
    TaskAccess NONE = new TaskAccess()
    {
        @Override
        public List<String> counts()
        {
            return List.of();
        }

        @Override
        public List<String> list(final String state, final long offset, final int limit)
        {
            return List.of();
        }

        @Override
        public List<String> show(final long id)
        {
            throw new IllegalArgumentException("no task " + id);
        }

        @Override
        public ControlOutcome resume(final long id)
        {
            throw new IllegalArgumentException("no task " + id);
        }

        @Override
        public ControlOutcome cancel(final long id)
        {
            throw new IllegalArgumentException("no task " + id);
        }
    };

    /** @return one line per state: {@code STATE COUNT}. */
    List<String> counts();

    /**
     * @param state  a state name, or null, empty or {@code all} for every state.
     * @param offset tasks to skip.
     * @param limit  tasks at most.
     * @return one line per task, by id: {@code ID STATE PC FN "SCOPE" FRAME [WAITS] [owner OWNER] [= END]} (the owner
     *         on a store several runtimes share).
     * @throws IllegalArgumentException for an unknown state or a negative offset or limit.
     */
    List<String> list(String state, long offset, int limit);

    /**
     * @param id a task id.
     * @return the task's line, then one {@code KEY VALUE} line per visible key of its frame.
     * @throws IllegalArgumentException when there is no such task.
     */
    List<String> show(long id);

    /**
     * @param id a task id.
     * @return applied (it was paused or initialized and now runs), requested (another runtime owns it and applies
     *         it), or refused (not paused or initialized); never no task.
     * @throws IllegalArgumentException when there is no such task.
     */
    ControlOutcome resume(long id);

    /**
     * @param id a task id.
     * @return applied (cancelled), requested (another runtime owns it and applies it), or refused (it had ended);
     *         never no task.
     * @throws IllegalArgumentException when there is no such task.
     */
    ControlOutcome cancel(long id);
}
