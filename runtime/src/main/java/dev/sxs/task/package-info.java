/**
 * Durable tasks (docs/tasks.md): the {@link dev.sxs.task.TaskEngine}, which runs stored functions one step
 * (top-level form) at a time through the gateway, with each task's frame in the store: {@code pc},
 * {@code state}, {@code arg:NAME}, {@code local:NAME}, {@code result}/{@code error}, and the engine's hidden
 * keys. {@code Spawner} makes a task; a step's frame writes are buffered ({@code StepBuffer}) and committed with
 * the pc advance through a redo record ({@code Steps}, {@code Frames}); {@code TaskTransitions} resumes, cancels,
 * wakes, ends and removes tasks; waiting tasks hold no thread ({@code Scheduler}: dispatcher subscriptions,
 * timers on {@code sxs-task-N}); {@code Recovery} brings every task back at start. On a store several runtimes
 * share ({@code backend=nats}), {@code TaskLeases} gives each task an owner under a lease ({@code OwnerLease},
 * {@code OwnerWatch}), takes over the tasks of a runtime that died and hands out ids from the store
 * ({@code TaskIds}); {@code ClusterTasks} shows and controls every task on the store, whichever runtime owns it
 * (another runtime's resume or cancel is a request its owner applies).
 * <p>
 * Layer: above {@code lang} (it implements {@link dev.sxs.lang.task.TaskControl}), {@code events},
 * {@code kv}, {@code session} and {@code gateway}; below {@code runtime}, which wires it.
 */
package dev.sxs.task;
