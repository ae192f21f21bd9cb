/**
 * The event commands of the sxs language: {@code core/event/pub}, {@code core/event/sub},
 * {@code core/event/unsub} and {@code core/expr/await}, over the {@link dev.sxs.events.Dispatcher}
 * found in the interpreter's services, and {@code ScriptHandler}, the event handler that
 * runs a script body. The language sits on the event system here; {@code dev.sxs.events} knows nothing of
 * the language. Errors are values naming the command and what was wrong.
 */
package dev.sxs.lang.event;
