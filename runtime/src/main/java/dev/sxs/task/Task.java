package dev.sxs.task;

import dev.sxs.events.Subscription;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.Value;
import dev.sxs.lang.task.Wait;
import dev.sxs.session.Principal;
import java.util.concurrent.ScheduledFuture;

/**
 * The engine's in-memory handle of one task: where its frame is, its program, and the state it last
 * committed (the frame is the truth; this mirrors it). The mutable fields are guarded by the task's own
 * monitor: every transition of a task (step commit, resume, cancel, wake-up) holds it.
 */
final class Task
{
    final long id;
    final String scope;
    final String frame;
    final String fn;
    final Program program;
    final Principal principal;
    final KvStore frameStore;
    final KvStore sharedStore;

    TaskState state;
    long pc;
    Wait wait;
    long dueMillis;
    boolean woken;
    Value wake;
    boolean inFlight;
    boolean ran;
    long endedMillis;
    /** True once another runtime may own it (this one's lease lost or closed): it runs and commits nothing here. */
    boolean released;
    /** True while the last commit's redo record is kept ({@link Frames#commitStep}), until it is settled. */
    boolean redoKept;
    Subscription subscription;
    ScheduledFuture<?> timer;

    Task(final long id, final String scope, final String frame, final String fn, final Program program,
        final Principal principal, final KvStore root)
    {
        this.id = id;
        this.scope = scope;
        this.frame = frame;
        this.fn = fn;
        this.program = program;
        this.principal = principal;
        this.frameStore = root.scoped(scope + frame);
        this.sharedStore = root.scoped(scope);
    }

    /**
     * @param endedMillis the end time, epoch milliseconds (0: not ended).
     * @return the frame's {@link Frames#CODE} entry for this task.
     */
    FrameHeader header(final long endedMillis)
    {
        return new FrameHeader(fn, principal.name(), endedMillis, program.text());
    }

    /** @return the state, read under the monitor. */
    synchronized TaskState stateNow()
    {
        return state;
    }

    /** @return true when a step script should be submitted for it (a step to run, or a wake-up to commit). */
    boolean runnable()
    {
        return !released && (state == TaskState.RUNNING || state == TaskState.WAITING && woken);
    }
}
