/**
 * The event commands of the sxs language: {@code core/event/pub}, {@code core/event/sub},
 * {@code core/event/unsub} and {@code core/expr/await}, over the {@link dev.sxs.events.Dispatcher}
 * found in the interpreter's services. Errors are values naming the command and what was wrong.
 */
package dev.sxs.events.commands;
