package dev.sxs.task;

import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;

/**
 * What one task is, as management shows it. Immutable.
 *
 * @param id        the id.
 * @param scope     the spawning scope.
 * @param frame     the frame's prefix in that scope.
 * @param fn        the stored function it runs.
 * @param state     its state.
 * @param pc        the next step.
 * @param principal who spawned it (its steps run as origin {@code task} with this name).
 * @param waits     what it waits for ({@code yield}, {@code sleep DUE_MILLIS}, {@code await CHANNEL TOPIC KEY}),
 *                  or "".
 * @param end       the result (done) or error message (failed), else null.
 */
public record TaskInfo(long id, String scope, String frame, String fn, TaskState state, long pc, String principal,
    String waits, Value end)
{
    /** @return one line: {@code ID STATE PC FN "SCOPE" FRAME [WAITS] [= END]}. */
    public String line()
    {
        return id + " " + state.label() + " " + pc + " " + fn + " \"" + scope + "\" " + frame
            + (waits.isEmpty() ? "" : " " + waits) + (end == null ? "" : " = " + Printer.print(end));
    }
}
