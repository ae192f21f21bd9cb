package dev.sxs.task;

import dev.sxs.kv.KvStore;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.HiddenKeys;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.core.StoredValues;
import dev.sxs.session.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes tasks ({@code core/task/spawn}, {@code core/task/new}): checks the function and its arguments, writes the
 * new frame, then the root index entry {@code "\0task:" + ID}, which is the spawn's commit point (a frame without
 * it is never recovered), and hands a started task to the {@link Scheduler}.
 * <p>
 * Threading: thread-safe (any thread; a host thread's spawn may submit the first step itself, {@link
 * Scheduler#start}). Failure: bad input gives an error value; store exceptions pass.
 */
final class Spawner
{
    private final KvStore root;
    private final Programs programs;
    private final TaskLeases leases;
    private final Scheduler scheduler;
    private final Map<Long, Task> tasks;
    private final AtomicLong lastId;
    /** The last spawn's code entry: the same for every task of one function and spawner, so encoded once. */
    private volatile CodeEntry lastCode;

    /** A code entry as a spawn writes it (not ended) for a function, its program and a spawner. */
    private record CodeEntry(String fn, Program program, String principal, String encoded)
    {
    }

    /**
     * @param root      the root store.
     * @param programs  the compiled functions.
     * @param leases    the ids and owners of new tasks.
     * @param scheduler runs a started task.
     * @param tasks     the engine's tasks, by id.
     * @param lastId    the engine's last id.
     */
    Spawner(final KvStore root, final Programs programs, final TaskLeases leases, final Scheduler scheduler,
        final Map<Long, Task> tasks, final AtomicLong lastId)
    {
        this.root = root;
        this.programs = programs;
        this.leases = leases;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.lastId = lastId;
    }

    /**
     * Make a task.
     *
     * @param scope     the spawning scope.
     * @param principal who spawns it; its steps run as this principal.
     * @param frame     the frame's prefix in the scope, or null for {@code task:<id>:}.
     * @param fn        the stored function's name.
     * @param args      its arguments.
     * @param start     true to start it, false to leave it {@code initialized}.
     * @return the id, or an error value.
     */
    Value spawn(final String scope, final Principal principal, final String frame, final String fn,
        final List<Value> args, final boolean start)
    {
        final String what = start ? "core/task/spawn: " : "core/task/new: ";
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
        final long id = leases.nextId(lastId);
        final String name = frame == null ? "task:" + id + ":" : frame;
        final Task task = new Task(id, scope, name, fn, program, principal, root);
        if (frame != null && !task.frameStore.keys("", 0, 1).isEmpty())
        {
            return new ErrorValue(what + "FRAME '" + frame + "' already holds keys");
        }
        final KvStore f = task.frameStore;
        f.put(Frames.CODE, codeEntry(fn, program, task.principal.name()));
        for (int i = 0; i < encoded.size(); i++)
        {
            f.put(Frames.ARG + program.params()[i], encoded.get(i));
        }
        task.state = start ? TaskState.RUNNING : TaskState.INITIALIZED;
        f.put(Frames.STATE, Frames.label(task.state));
        f.put(Frames.PC, "0");
        final String owner = leases.stamp(f);
        root.put(HiddenKeys.TASKS + id, scope + "\n" + name); // the commit point of a spawn
        tasks.put(id, task);
        leases.keep(task, owner, tasks);
        if (start)
        {
            scheduler.start(task);
        }
        return IntValue.of(id);
    }

    /**
     * @param fn        the function's name.
     * @param program   its program.
     * @param principal who spawns.
     * @return the stored form of a new task's {@link Frames#CODE} entry, encoded once for a run of spawns of one
     *         function by one spawner (a host spawning many tasks of one function allocates it once).
     */
    String codeEntry(final String fn, final Program program, final String principal)
    {
        final CodeEntry last = lastCode;
        if (last != null && last.program() == program && last.fn().equals(fn) && last.principal().equals(principal))
        {
            return last.encoded();
        }
        final String encoded = new FrameHeader(fn, principal, 0, program.text()).encode();
        lastCode = new CodeEntry(fn, program, principal, encoded);
        return encoded;
    }
}
