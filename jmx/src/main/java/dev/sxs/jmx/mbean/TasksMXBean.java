package dev.sxs.jmx.mbean;

import javax.management.MBeanOperationInfo;

/**
 * {@code dev.sxs:type=Tasks}: the runtime's durable tasks (docs/tasks.md), across every scope; on a store several
 * runtimes share ({@code backend=nats}), every task on it, whichever runtime owns it (docs/scale-out.md).
 */
@Description("Durable tasks (stored functions run step by step with their frames in the store): counts by state, "
    + "list, show a frame, resume, cancel.")
public interface TasksMXBean
{
    /** @return one line per state. */
    @Description("One line per state: STATE COUNT (initialized, running, paused, waiting, done, failed, cancelled).")
    String[] getCounts();

    /**
     * @param state  a state or all.
     * @param offset tasks to skip.
     * @param limit  tasks at most.
     * @return one line per task.
     */
    @Description(value = "Tasks by id, one line each: ID STATE PC FN \"SCOPE\" FRAME [WAITS] [owner OWNER] "
        + "[= RESULT-OR-ERROR]; on backend=nats every JVM's tasks, each with the JVM that owns it.",
        impact = MBeanOperationInfo.INFO)
    String[] list(@Param(name = "state", description = "a state, or all") String state,
        @Param(name = "offset", description = "tasks to skip") long offset,
        @Param(name = "limit", description = "tasks at most") int limit);

    /**
     * @param id the task.
     * @return its line and its frame.
     */
    @Description(value = "One task: its line, then KEY VALUE for each key of its frame (pc, state, arg:, local:, "
        + "result or error). Fails when there is no such task.", impact = MBeanOperationInfo.INFO)
    String[] show(@Param(name = "id", description = "the task id") long id);

    /**
     * @param id the task.
     * @return what happened.
     */
    @Description(value = "Resume a paused (or initialized) task: state goes from paused to running by "
        + "compare-and-set and it continues after its yield; another JVM's task is resumed by its owner, on request. "
        + "Audited.", impact = MBeanOperationInfo.ACTION)
    String resume(@Param(name = "id", description = "the task id") long id);

    /**
     * @param id the task.
     * @return what happened.
     */
    @Description(value = "Cancel a task that has not ended; its running step keeps none of its writes; another JVM's "
        + "task is cancelled by its owner, on request. Audited.", impact = MBeanOperationInfo.ACTION)
    String cancel(@Param(name = "id", description = "the task id") long id);
}
