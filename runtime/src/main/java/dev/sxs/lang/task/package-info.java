/**
 * The language's side of durable tasks: the {@code core/task/*} commands ({@link dev.sxs.lang.task.TaskCommands})
 * and the role they drive, {@link dev.sxs.lang.task.TaskControl}, which the runtime's task engine
 * ({@code dev.sxs.task}) implements and registers in the interpreter's {@link dev.sxs.lang.Services}. The
 * commands parse and check their arguments and hand over; a runtime without an engine answers
 * {@code @"core/task/...: tasks are not available in this runtime"}. See docs/tasks.md.
 */
package dev.sxs.lang.task;
