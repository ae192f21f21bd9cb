package dev.sxs.lang.task;

import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.Value;
import java.util.List;

/**
 * What the {@code core/task/*} commands ask of the runtime's task engine, found in the interpreter's
 * services under this type. Every method answers a value: a result, or an error value with a precise
 * message; none throws for bad input.
 * <p>
 * Threading: called on evaluation threads (script processors, handler threads); implementations are
 * thread-safe. The waiting methods ({@link #suspend}, {@link #call}, {@link #shared}) work only inside a
 * step of a task and answer an error elsewhere.
 */
public interface TaskControl
{
    /**
     * Make a task running the stored function {@code fn} of the caller's scope.
     *
     * @param ctx   the caller's context.
     * @param frame the frame's key prefix in the caller's scope (ends with {@code :}), or null for
     *              {@code task:<id>:}.
     * @param fn    the function's name.
     * @param args  the evaluated arguments, one per parameter.
     * @param start true to start it now, false to leave it {@code initialized} until resumed.
     * @return the task's id, or an error value.
     */
    Value spawn(Context ctx, String frame, String fn, List<Value> args, boolean start);

    /**
     * @param ctx the caller's context.
     * @param id  a task id of the caller's scope.
     * @return {@code [ID STATE PC FN]}, plus the result or error of a finished task; or an error value.
     */
    Value status(Context ctx, long id);

    /**
     * Resume a {@code paused} task (or start an {@code initialized} one): the state goes from
     * {@code paused} to {@code running} by compare-and-set and the task continues at the step after the
     * one that yielded.
     *
     * @param ctx the caller's context.
     * @param id  the task.
     * @return {@code true}, {@code false} when the task is not paused, or an error value.
     */
    Value resume(Context ctx, long id);

    /**
     * @param ctx the caller's context.
     * @param id  the task.
     * @return {@code true} when cancelled, {@code false} when it had already ended, or an error value.
     */
    Value cancel(Context ctx, long id);

    /**
     * @param ctx    the caller's context.
     * @param state  a state name, or null for every state.
     * @param offset ids to skip.
     * @param limit  ids at most.
     * @return the ids of the caller's scope's tasks in that state, ascending.
     */
    Value list(Context ctx, String state, long offset, int limit);

    /**
     * Run step {@code pc} of a task (the script the engine submits for each step; not for users).
     *
     * @param ctx the step script's context.
     * @param id  the task.
     * @param pc  the step the engine expects to run.
     * @return {@code true} when it ran, {@code false} for a stale request, or the step's error.
     */
    Value step(Context ctx, long id, long pc);

    /**
     * End the current step waiting.
     *
     * @param ctx  the step's context.
     * @param wait what to wait for.
     * @return {@code true}, or an error value outside a task step.
     */
    Value suspend(Context ctx, Wait wait);

    /**
     * Push a child frame, run the stored function {@code fn} in it to completion and pop it.
     *
     * @param ctx  the step's context.
     * @param fn   the function.
     * @param args the evaluated arguments.
     * @return the function's value, or an error value.
     */
    Value call(Context ctx, String fn, List<Value> args);

    /**
     * Run {@code body} with the key commands reaching the spawning scope's keys instead of the frame.
     *
     * @param ctx  the step's context.
     * @param body the body.
     * @return the body's value, or an error value.
     */
    Value shared(Context ctx, Body body);

    /**
     * @param ctx the step's context.
     * @return the current frame's key prefix in the spawning scope, or an error value.
     */
    Value frame(Context ctx);
}
