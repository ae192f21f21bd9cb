package dev.sxs.task;

import dev.sxs.lang.Body;
import dev.sxs.lang.Budget;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.Session;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.lang.task.Wait;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs steps on the processor thread of their step script, and the commands that work inside a step
 * ({@code yield}/{@code await}/{@code sleep}, {@code call}, {@code shared}, {@code frame}). A step runs
 * outside the task's monitor over a {@link StepBuffer}, under the step script's budget; its end is
 * committed under the monitor ({@link Frames#commit}): the writes and the pc advance, or the wait, or the
 * end of the task. A task cancelled meanwhile keeps none of the step's writes; a step stopped by the
 * runtime's shutdown commits nothing and runs again at the next start.
 * <p>
 * Threading: any evaluation thread; one step of a task at a time (the scheduler's in-flight flag), the inline
 * steps after it on the same thread.
 */
final class Steps
{
    private final TaskEngine engine;

    Steps(final TaskEngine engine)
    {
        this.engine = engine;
    }

    /**
     * Run step {@code pc} of a task if it is the one expected, then, while the task still runs, its next steps on
     * this thread, each after the commit of the one before, up to {@link TaskOptions#inlineSteps()} in all:
     * no execution-channel round trip and no new session per step. Each step after the first gets a budget of
     * its own (the step script's limits, cancelled with it) and passes the gateway's entity checks again
     * ({@link Scheduler#refusal}); a refusal ends the task failed, as a refused step script does. Then the task
     * goes back to the tail of the scheduler's queue, so one busy task takes turns with the others and with
     * the processor's other scripts.
     */
    Value run(final Context ctx, final Task task, final long pc)
    {
        synchronized (task)
        {
            if (!task.inFlight || task.pc != pc || !task.runnable() || !engine.leases.held())
            {
                return SymValue.FALSE; // not run; with the lease lapsed, tried again a little later
            }
            task.ran = true;
        }
        final Budget outer = ctx.budget();
        Budget budget = outer;
        long next = pc;
        for (int inline = 1; runOne(ctx, budget, task, next) && inline < engine.options().inlineSteps(); inline++)
        {
            synchronized (task)
            {
                if (task.state != TaskState.RUNNING || outer.isCancelled() || engine.scheduler().isClosed())
                {
                    break;
                }
                final String refusal = engine.scheduler().refusal(task);
                if (refusal != null)
                {
                    // the end is a commit too: with the lease lapsed (or lost) meanwhile the task stays running at
                    // its committed pc, and the step script its next owner submits is refused as this step was
                    if (engine.leases.mayCommit(task))
                    {
                        engine.end(task, TaskState.FAILED, task.pc, new TreeMap<>(java.util.Map.of(Frames.ERROR,
                            StoredValues.encode(new StrValue(refusal)))), new ArrayList<>(List.of(Frames.WAIT)));
                    }
                    break;
                }
                next = task.pc;
            }
            if (budget == outer)
            {
                // one budget for the steps after the first, started afresh for each and cancelled with the script
                final Budget own = new Budget(outer.maxSteps(), outer.maxMillis(), outer.maxSize(), null);
                outer.onCancel(() -> own.cancel("the step script was cancelled"));
                budget = own;
            }
            else
            {
                budget.reset();
                if (outer.isCancelled())
                {
                    break; // cancelled before the reset: the step would not see it
                }
            }
        }
        outer.onCancel(null);
        synchronized (task)
        {
            // the last commit left its record in place and no step follows at once: delete it, unless the task may
            // be another runtime's by now (its lease lapsed or lost): that one's recovery applies the record again,
            // and a later commit here, with the lease back, overwrites it
            if (task.redoKept && engine.leases.mayCommit(task))
            {
                Frames.settle(task.frameStore);
                task.redoKept = false;
            }
        }
        return SymValue.TRUE;
    }

    /** Run one step (or commit a wake-up) under a budget; true when it committed and the task may go on. */
    private boolean runOne(final Context ctx, final Budget budget, final Task task, final long pc)
    {
        synchronized (task)
        {
            if (task.woken)
            {
                return commitWake(task);
            }
        }
        final Program program = task.program;
        final Step step = new Step(task, task.frameStore, task.sharedStore);
        final Value value;
        if (pc < program.steps().length)
        {
            final Context sc = new Context(ctx.interpreter(), new Session(ctx.session().id(), task.scope,
                new StepBuffer(step, ""), ctx.session().log(), ctx.session().access()), budget);
            value = runBody(sc, step, "", program.params(), program.steps()[(int)pc]);
        }
        else
        {
            value = Body.NOTHING;
        }
        synchronized (task)
        {
            step.settled = true;
            // cancelled meanwhile, the runtime stopping, or its lease lapsed: nothing is committed
            final boolean commits = task.state == TaskState.RUNNING && !budget.isCancelled()
                && !ctx.budget().isCancelled() && engine.leases.mayCommit(task);
            if (commits)
            {
                commit(task, step, pc, value);
            }
            if (step.listening != null && !step.committed)
            {
                engine.scheduler().cancel(step.listening);
            }
            return commits && task.state == TaskState.RUNNING;
        }
    }

    private void commit(final Task task, final Step step, final long pc, final Value value)
    {
        if (step.wait == null && !value.isError() && pc + 1 < task.program.steps().length)
        {
            // the common case: the writes and pc one on, the record left for the next step's commit to overwrite
            Frames.commitStep(task.frameStore, pc + 1, step.puts, step.removed);
            task.redoKept = true;
            task.pc = pc + 1;
            return;
        }
        final List<String> removes = new ArrayList<>(step.removed);
        if (value.isError())
        {
            removes.add(Frames.WAIT);
            engine.end(task, TaskState.FAILED, pc, new TreeMap<>(java.util.Map.of(Frames.ERROR,
                StoredValues.encode(new StrValue(((ErrorValue)value).message())))), removes);
            return;
        }
        final TreeMap<String, String> puts = step.puts;
        if (step.wait != null)
        {
            final TaskState waiting = step.wait.kind() == Wait.Kind.YIELD ? TaskState.PAUSED : TaskState.WAITING;
            final long due = step.wait.kind() == Wait.Kind.SLEEP ? System.currentTimeMillis() + step.wait.millis() : 0;
            puts.put(Frames.STATE, Frames.label(waiting));
            puts.put(Frames.WAIT, Waits.encode(step.wait, due));
            Frames.commit(task.frameStore, pc, puts, removes);
            task.redoKept = false;
            task.state = waiting;
            task.wait = step.wait;
            task.dueMillis = due;
            step.committed = true;
            if (step.listening == null)
            {
                engine.scheduler().arm(task, payload -> engine.wake(task, payload));
            }
            else if (step.heard != null)
            {
                // the event came between the await and this commit: the wait is over already
                task.subscription = step.listening;
                task.woken = true;
                task.wake = step.heard;
                engine.scheduler().disarm(task);
            }
            else
            {
                task.subscription = step.listening;
            }
            return;
        }
        // the last step (or none, for a body without forms): the task is done
        final String problem = StoredValues.containsError(value) ? "cannot store an error"
            : StoredValues.unreadable(value);
        if (problem != null)
        {
            engine.end(task, TaskState.FAILED, pc, new TreeMap<>(java.util.Map.of(Frames.ERROR,
                StoredValues.encode(new StrValue("result: " + problem)))), removes);
            return;
        }
        puts.put(Frames.RESULT, StoredValues.encode(value));
        engine.end(task, TaskState.DONE, Math.max(pc + 1, task.program.steps().length), puts, removes);
    }

    /**
     * Commit the end of a wait (the caller holds the monitor): an await's payload at its key, state running, pc past
     * the wait; true when committed, false with the lease lapsed or lost: nothing written, the task still waiting.
     */
    boolean commitWake(final Task task)
    {
        if (!engine.leases.mayCommit(task))
        {
            return false;
        }
        final TreeMap<String, String> puts = new TreeMap<>();
        if (task.wait != null && task.wait.kind() == Wait.Kind.AWAIT && task.wake != null)
        {
            final Value payload = task.wake;
            puts.put(task.wait.key(), StoredValues.containsError(payload) || StoredValues.unreadable(payload) != null
                ? StoredValues.encode(new StrValue(payload.toString())) : StoredValues.encode(payload));
        }
        puts.put(Frames.STATE, Frames.label(TaskState.RUNNING));
        Frames.commit(task.frameStore, task.pc + 1, puts, List.of(Frames.WAIT));
        task.pc++;
        task.state = TaskState.RUNNING;
        task.woken = false;
        task.wake = null;
        task.wait = null;
        return true;
    }

    /** Bind the frame's {@code arg:NAME}s as {@code $NAME} and run a body in the frame {@code prefix}. */
    private static Value runBody(final Context sc, final Step step, final String prefix, final String[] params,
        final Body body)
    {
        for (final String p : params)
        {
            final String text = step.get(prefix + Frames.ARG + p);
            sc.pushLocal(null, text == null ? new ErrorValue("key not found: " + Frames.ARG + p)
                : StoredValues.decode(text));
        }
        sc.nameLocals(0, params);
        final int frame = sc.enterFrame(0);
        try
        {
            return body.run(sc);
        }
        finally
        {
            sc.leaveFrame(frame);
            sc.popLocals(0);
        }
    }

    Value suspend(final Context ctx, final Wait wait)
    {
        final String command = "core/task/" + wait.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (!(ctx.store() instanceof StepBuffer view))
        {
            return new ErrorValue(command + ": only inside a task's step");
        }
        if (!view.prefix().isEmpty())
        {
            return new ErrorValue(command + ": not inside core/task/call (a call runs to completion)");
        }
        if (view.step().wait != null)
        {
            return new ErrorValue(command + ": this step already waits");
        }
        final Step step = view.step();
        step.wait = wait;
        if (wait.kind() == Wait.Kind.AWAIT)
        {
            // listen from now on, not from the commit: an event published meanwhile ends the wait at the commit
            final Task task = step.task;
            step.listening = engine.scheduler().listen(task, wait, payload -> heard(task, step, payload));
        }
        return SymValue.TRUE;
    }

    /** An awaited event: kept until the step settles, then (if it committed the wait) it wakes the task. */
    private void heard(final Task task, final Step step, final Value payload)
    {
        synchronized (task)
        {
            if (!step.settled)
            {
                step.heard = step.heard == null ? payload : step.heard;
                return;
            }
            if (!step.committed || task.subscription != step.listening)
            {
                return;
            }
        }
        engine.wake(task, payload);
    }

    Value call(final Context ctx, final String fn, final List<Value> args)
    {
        if (!(ctx.store() instanceof StepBuffer view))
        {
            return new ErrorValue("core/task/call: only inside a task's step");
        }
        final Step step = view.step();
        final String text = step.shared.get(HiddenKeys.FUNCTIONS + fn);
        final Program program = engine.programs().of(text);
        if (program == null)
        {
            return new ErrorValue("core/task/call: no function '" + fn + "'");
        }
        if (program.params().length != args.size())
        {
            return new ErrorValue("core/task/call: '" + fn + "' expects " + program.params().length
                + " arguments (" + String.join(" ", program.params()) + "), got " + args.size());
        }
        if (step.depth >= Context.DEFAULT_MAX_DEPTH)
        {
            return new ErrorValue("nesting too deep: more than " + Context.DEFAULT_MAX_DEPTH + " levels of calls");
        }
        final String child = Frames.STACK + step.depth + ":";
        step.depth++;
        try
        {
            for (int i = 0; i < args.size(); i++)
            {
                step.put(child + Frames.ARG + program.params()[i], StoredValues.encode(args.get(i)));
            }
            final Context cc = new Context(ctx.interpreter(), new Session(ctx.session().id(), ctx.session().scope(),
                new StepBuffer(step, child), ctx.session().log(), ctx.session().access()), ctx.budget());
            return runBody(cc, step, child, program.params(), program.whole());
        }
        finally
        {
            step.depth--;
            step.removePrefix(child); // the pop
        }
    }

    Value shared(final Context ctx, final Body body)
    {
        if (!(ctx.store() instanceof StepBuffer view))
        {
            return new ErrorValue("core/task/shared: only inside a task's step");
        }
        final Step step = view.step();
        final boolean was = step.sharedMode;
        step.sharedMode = true;
        try
        {
            return body.run(ctx);
        }
        finally
        {
            step.sharedMode = was;
        }
    }

    Value frame(final Context ctx)
    {
        if (!(ctx.store() instanceof StepBuffer view))
        {
            return new ErrorValue("core/task/frame: only inside a task's step");
        }
        return new StrValue(view.step().task.frame + view.prefix());
    }
}
