package dev.sxs.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Dispatcher;
import dev.sxs.gateway.Gateway;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.Body;
import dev.sxs.lang.Context;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Interpreter;
import dev.sxs.lang.ListKind;
import dev.sxs.lang.ListValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.lang.task.TaskControl;
import dev.sxs.lang.task.Wait;
import dev.sxs.session.Origin;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRegistry;
import dev.sxs.session.SxsSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable task engine: tasks whose frames live in the store, run a step (one top-level form of a
 * stored function) at a time through the gateway, wait without a thread and continue after a restart
 * (docs/tasks.md). It implements the language's {@link TaskControl}; {@link #start} recovers every task
 * the store holds. The store is the truth; the engine mirrors each task in a {@link Task}.
 * <p>
 * Threading: thread-safe; each task's transitions hold its monitor. Failure: nothing throws for bad
 * input; commands get error values.
 */
public final class TaskEngine implements TaskControl, AutoCloseable
{
    private final TaskOptions options;
    private final KvStore root;
    private final Programs programs;
    private final SessionRegistry sessions;
    private final Scheduler scheduler;
    private final Steps steps;
    private final ConcurrentSkipListMap<Long, Task> tasks = new ConcurrentSkipListMap<>();
    private final AtomicLong lastId = new AtomicLong();

    private TaskEngine(final TaskOptions options, final KvStore root, final Interpreter interpreter,
        final Gateway gateway, final Dispatcher dispatcher, final SxsThreadFactory threads)
    {
        this.options = options;
        this.root = root;
        this.programs = new Programs(interpreter);
        this.sessions = gateway.sessions();
        this.scheduler = new Scheduler(options, gateway, dispatcher, threads, this::stepDone);
        this.steps = new Steps(this);
    }

    /**
     * Start the engine: recover every task of the store (re-apply redo records, continue running tasks,
     * re-arm waiting ones, schedule the removal of finished ones).
     *
     * @param options     the settings.
     * @param root        the root store.
     * @param interpreter compiles the functions.
     * @param gateway     where steps go.
     * @param dispatcher  where awaits subscribe.
     * @param threads     the runtime's thread factory ({@code sxs-task-N}).
     * @return the engine; close it before the gateway.
     */
    public static TaskEngine start(final TaskOptions options, final KvStore root, final Interpreter interpreter,
        final Gateway gateway, final Dispatcher dispatcher, final SxsThreadFactory threads)
    {
        final TaskEngine engine = new TaskEngine(options, root, interpreter, gateway, dispatcher, threads);
        new Recovery(engine, root).all(engine.tasks, engine.lastId);
        return engine;
    }

    /** @return the settings. */
    public TaskOptions options()
    {
        return options;
    }

    @Override
    public Value spawn(final Context ctx, final String frame, final String fn, final List<Value> args,
        final boolean start)
    {
        final String what = start ? "core/task/spawn: " : "core/task/new: ";
        final String scope = ctx.session().scope();
        final KvStore shared = root.scoped(scope);
        final String text = shared.get(HiddenKeys.FUNCTIONS + fn);
        final Program program = programs.of(text);
        if (program == null)
        {
            return new ErrorValue(what + "no function '" + fn + "'");
        }
        if (program.params().length != args.size())
        {
            return new ErrorValue(what + "'" + fn + "' expects " + program.params().length + " arguments ("
                + String.join(" ", program.params()) + "), got " + args.size());
        }
        final List<String> encoded = new ArrayList<>(args.size());
        for (final Value v : args)
        {
            final String problem = StoredValues.containsError(v) ? "cannot store an error" : StoredValues.unreadable(v);
            if (problem != null)
            {
                return new ErrorValue(what + problem);
            }
            encoded.add(StoredValues.encode(v));
        }
        final long id = lastId.incrementAndGet();
        final String name = frame == null ? "task:" + id + ":" : frame;
        final Task task = new Task(id, scope, name, fn, program, principalOf(ctx), root);
        if (frame != null && !task.frameStore.keys("", 0, 1).isEmpty())
        {
            return new ErrorValue(what + "FRAME '" + frame + "' already holds keys");
        }
        final KvStore f = task.frameStore;
        f.put(Frames.CODE, text);
        f.put(Frames.META, fn + "\n" + task.principal.name());
        for (int i = 0; i < encoded.size(); i++)
        {
            f.put(Frames.ARG + program.params()[i], encoded.get(i));
        }
        task.state = start ? TaskState.RUNNING : TaskState.INITIALIZED;
        f.put(Frames.STATE, label(task.state));
        f.put(Frames.PC, "0");
        root.put(HiddenKeys.TASKS + id, scope + "\n" + name); // the commit point of a spawn
        tasks.put(id, task);
        if (start)
        {
            scheduler.enqueue(task);
        }
        return IntValue.of(id);
    }

    @Override
    public Value status(final Context ctx, final long id)
    {
        final Task task = own(ctx, id);
        if (task == null)
        {
            return noTask("status", id);
        }
        synchronized (task)
        {
            final List<Value> out = new ArrayList<>(5);
            out.add(IntValue.of(id));
            out.add(new StrValue(task.state.label()));
            out.add(IntValue.of(task.pc));
            out.add(new SymValue(task.fn));
            final String end = task.state == TaskState.DONE ? task.frameStore.get(Frames.RESULT)
                : task.state == TaskState.FAILED ? task.frameStore.get(Frames.ERROR) : null;
            if (end != null)
            {
                out.add(StoredValues.decode(end));
            }
            return new ListValue(ListKind.SEQUENCE, out);
        }
    }

    @Override
    public Value resume(final Context ctx, final long id)
    {
        final Task task = own(ctx, id);
        if (task == null)
        {
            return noTask("resume", id);
        }
        synchronized (task)
        {
            final TaskState from = task.state;
            if (from != TaskState.PAUSED && from != TaskState.INITIALIZED
                || !task.frameStore.replace(Frames.STATE, label(from), label(TaskState.RUNNING)))
            {
                return SymValue.FALSE;
            }
            if (from == TaskState.PAUSED)
            {
                Frames.commit(task.frameStore, task.pc + 1, Map.of(), List.of(Frames.WAIT));
                task.pc++;
                task.wait = null;
            }
            task.state = TaskState.RUNNING;
        }
        scheduler.enqueue(task);
        return SymValue.TRUE;
    }

    @Override
    public Value cancel(final Context ctx, final long id)
    {
        final Task task = own(ctx, id);
        if (task == null)
        {
            return noTask("cancel", id);
        }
        synchronized (task)
        {
            if (task.state.ended())
            {
                return SymValue.FALSE;
            }
            scheduler.disarm(task);
            end(task, TaskState.CANCELLED, task.pc, new TreeMap<>(), new ArrayList<>(List.of(Frames.WAIT)));
            return SymValue.TRUE;
        }
    }

    @Override
    public Value list(final Context ctx, final String state, final long offset, final int limit)
    {
        final String scope = ctx.session().scope();
        final List<Value> out = new ArrayList<>();
        long skip = offset;
        for (final Task task : tasks.values())
        {
            if (out.size() >= limit)
            {
                break;
            }
            if (!task.scope.equals(scope) || state != null && !state.equals(stateOf(task).label()))
            {
                continue;
            }
            if (skip > 0)
            {
                skip--;
                continue;
            }
            out.add(IntValue.of(task.id));
            final ErrorValue tooBig = ctx.budget().size(out.size());
            if (tooBig != null)
            {
                return tooBig;
            }
        }
        return new ListValue(ListKind.SEQUENCE, out);
    }

    @Override
    public Value step(final Context ctx, final long id, final long pc)
    {
        final Task task = tasks.get(id);
        return task == null ? SymValue.FALSE : steps.run(ctx, task, pc);
    }

    @Override
    public Value suspend(final Context ctx, final Wait wait)
    {
        return steps.suspend(ctx, wait);
    }

    @Override
    public Value call(final Context ctx, final String fn, final List<Value> args)
    {
        return steps.call(ctx, fn, args);
    }

    @Override
    public Value shared(final Context ctx, final Body body)
    {
        return steps.shared(ctx, body);
    }

    @Override
    public Value frame(final Context ctx)
    {
        return steps.frame(ctx);
    }

    /** Stop running steps and timers; the store keeps every task for the next start. */
    @Override
    public void close()
    {
        scheduler.close();
    }

    Programs programs()
    {
        return programs;
    }

    Scheduler scheduler()
    {
        return scheduler;
    }

    Map<Long, Task> tasks()
    {
        return tasks;
    }

    /** @return a state's stored form, e.g. {@code "paused"} with the quotes. */
    static String label(final TaskState state)
    {
        return StoredValues.encode(new StrValue(state.label()));
    }

    /**
     * End a task: commit the writes with the end state and time, schedule its removal. Holds the monitor.
     */
    void end(final Task task, final TaskState state, final long pc, final Map<String, String> puts,
        final List<String> removes)
    {
        final long now = System.currentTimeMillis();
        puts.put(Frames.STATE, label(state));
        puts.put(Frames.ENDED, Long.toString(now));
        Frames.commit(task.frameStore, pc, puts, removes);
        task.pc = pc;
        task.state = state;
        task.wait = null;
        task.endedMillis = now;
        scheduler.at(() -> remove(task), now + options.retentionMillis());
    }

    /** Remove a finished task with its frame. */
    void remove(final Task task)
    {
        synchronized (task)
        {
            if (!task.state.ended() || tasks.get(task.id) != task)
            {
                return;
            }
            root.remove(HiddenKeys.TASKS + task.id);
            Frames.removeAll(task.frameStore);
            tasks.remove(task.id);
        }
    }

    /** A wait ended: an event's payload (await) or null (sleep). Any thread. */
    void wake(final Task task, final Value payload)
    {
        synchronized (task)
        {
            if (task.state != TaskState.WAITING || task.woken)
            {
                return;
            }
            task.woken = true;
            task.wake = payload;
            scheduler.disarm(task);
        }
        scheduler.enqueue(task);
    }

    private void stepDone(final Task task, final List<Value> values)
    {
        final boolean again;
        synchronized (task)
        {
            task.inFlight = false;
            if (!task.ran && task.runnable() && !values.isEmpty() && values.get(0) instanceof ErrorValue refused
                && !refused.message().equals("runtime is closed"))
            {
                // the step never reached the engine: refused at the gateway (not permitted, say)
                end(task, TaskState.FAILED, task.pc, new TreeMap<>(Map.of(Frames.ERROR,
                    StoredValues.encode(new StrValue(refused.message())))), new ArrayList<>(List.of(Frames.WAIT)));
            }
            again = task.runnable() && task.ran;
        }
        if (again)
        {
            scheduler.enqueue(task);
        }
    }

    private Task own(final Context ctx, final long id)
    {
        final Task task = tasks.get(id);
        return task != null && task.scope.equals(ctx.session().scope()) ? task : null;
    }

    private static TaskState stateOf(final Task task)
    {
        synchronized (task)
        {
            return task.state;
        }
    }

    private static ErrorValue noTask(final String command, final long id)
    {
        return new ErrorValue("core/task/" + command + ": no task " + id);
    }

    private Principal principalOf(final Context ctx)
    {
        final SxsSession session = sessions.find(Long.toString(ctx.session().id()));
        return new Principal(Origin.TASK, session != null ? session.principal().name() : "task");
    }
}
