package dev.sxs.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resume and cancel requests for the tasks another runtime owns, on a store several runtimes share
 * ({@code backend=nats}; docs/scale-out.md, "Tasks and probes"). A request is a hidden root key,
 * {@code "\0task:~ctl:" + ID + ":cancel"} or {@code "\0task:~ctl:" + ID + ":resume:" + STATE + ":" + PC} (the state,
 * {@code paused} or {@code initialized}, and the pc the requester read), whose value is when it was made. Every
 * runtime that owns tasks looks for requests every {@link #POLL_MILLIS} in the store's key order (on
 * {@code backend=nats} the local index, so a look costs no round trip), applies those of its own tasks as a local
 * resume or cancel, and removes them. A request for a task whose owner died stays until the runtime that takes the
 * task over finds it.
 * <p>
 * Once: a cancel of a task that has ended does nothing, and a resume applies only to the task still in the state and
 * at the pc it names, which the task leaves for good (a resume moves the pc past the yield; a task is initialized
 * only once), so a request applied and found again (its owner died between the two) changes nothing. Keys sort
 * {@code cancel} before {@code resume}, so a cancel asked with a resume wins. A request whose task is gone from the
 * index (removed after its retention) is removed after {@link #ORPHAN_MILLIS}.
 * <p>
 * Threading: {@link #cancel} and {@link #resume} from any thread; the polls on the one thread
 * {@code sxs-task-control-N}. Failure: a store failure in a poll leaves the requests for the next one.
 */
final class ControlRequests implements AutoCloseable
{
    /** The root prefix of the requests. */
    static final String PREFIX = HiddenKeys.TASKS + "~ctl:";
    /** How often an owner looks for requests. */
    static final long POLL_MILLIS = 100;
    /** How long a request for a task that is not in the index stays. */
    static final long ORPHAN_MILLIS = 60_000;

    private static final int PAGE = 256;
    private static final String CANCEL = "cancel";
    private static final String RESUME = "resume:";

    private final TaskEngine engine;
    private final KvStore root;
    /** Requests this runtime cannot apply (not its tasks), by when it first saw them; the poller's thread only. */
    private final Map<String, Long> foreign = new HashMap<>();
    private ScheduledExecutorService poller;

    /**
     * @param engine the engine whose tasks the requests of this runtime are applied to.
     * @param root   the root store.
     */
    ControlRequests(final TaskEngine engine, final KvStore root)
    {
        this.engine = engine;
        this.root = root;
    }

    /** @param threads the runtime's thread factory: start looking for requests on {@code sxs-task-control-N}. */
    void start(final SxsThreadFactory threads)
    {
        poller = Executors.newSingleThreadScheduledExecutor(threads.named("sxs-task-control-"));
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Ask the owner of a task to cancel it.
     *
     * @param id the task.
     */
    void cancel(final long id)
    {
        root.put(PREFIX + id + ":" + CANCEL, Long.toString(System.currentTimeMillis()));
    }

    /**
     * Ask the owner of a task to resume it, if it is still {@code from} at {@code pc}.
     *
     * @param id   the task.
     * @param from the state the requester read, paused or initialized.
     * @param pc   the pc the requester read.
     */
    void resume(final long id, final TaskState from, final long pc)
    {
        root.put(PREFIX + id + ":" + RESUME + from.label() + ":" + pc, Long.toString(System.currentTimeMillis()));
    }

    /** One look: apply and remove the requests of this runtime's tasks. */
    void poll()
    {
        try
        {
            if (engine.tasks().isEmpty() && foreign.isEmpty())
            {
                return; // nothing here to apply a request to
            }
            final List<String> keys = new ArrayList<>();
            for (List<String> page = root.keys(PREFIX, 0, PAGE); !page.isEmpty();
                page = page.size() < PAGE ? List.of() : root.keys(PREFIX, keys.size(), PAGE))
            {
                keys.addAll(page);
            }
            foreign.keySet().retainAll(keys);
            for (final String key : keys)
            {
                handle(key);
            }
        }
        catch (final RuntimeException unreachable)
        {
            // the store did not answer: the requests stay for the next look
        }
    }

    private void handle(final String key)
    {
        final int colon = key.indexOf(':', PREFIX.length());
        final long id = colon < 0 ? -1 : parse(key.substring(PREFIX.length(), colon));
        if (id < 0)
        {
            root.remove(key); // no request sxs makes
            return;
        }
        final Task task = engine.task(id);
        if (task == null)
        {
            expire(key, id);
        }
        else if (apply(task, key.substring(colon + 1)))
        {
            root.remove(key);
            foreign.remove(key);
        }
    }

    /** @return true when done with the request (applied, or no longer applicable); false to keep it. */
    private boolean apply(final Task task, final String op)
    {
        synchronized (task)
        {
            if (!engine.leases.mayCommit(task))
            {
                return false; // its lease lapsed: this runtime or the one that takes the task applies it later
            }
            // refused (a cancel of an ended task): nothing to do; requested: the lease lapsed since the check, kept
            if (CANCEL.equals(op))
            {
                return engine.cancel(task.id) != ControlOutcome.REQUESTED;
            }
            if (op.startsWith(RESUME))
            {
                final int at = op.indexOf(':', RESUME.length());
                final TaskState from = at < 0 ? null : TaskState.of(op.substring(RESUME.length(), at));
                if (from != null && task.state == from && task.pc == parse(op.substring(at + 1)))
                {
                    // under the monitor: the state and pc checked stay so
                    return engine.resume(task.id) != ControlOutcome.REQUESTED;
                }
            }
            return true;
        }
    }

    /** A request for a task this runtime does not have: removed once the task has been gone for a while. */
    private void expire(final String key, final long id)
    {
        final long now = System.currentTimeMillis();
        final Long since = foreign.putIfAbsent(key, now);
        if (since != null && now - since >= ORPHAN_MILLIS)
        {
            foreign.put(key, now); // looked at again after as long
            if (!root.containsKey(HiddenKeys.TASKS + id))
            {
                root.remove(key);
                foreign.remove(key);
            }
        }
    }

    private static long parse(final String number)
    {
        try
        {
            return Long.parseLong(number);
        }
        catch (final NumberFormatException notOurs)
        {
            return -1;
        }
    }

    /** Stop looking; requests not yet applied stay in the store for the runtime that takes the tasks over. */
    @Override
    public void close()
    {
        if (poller == null)
        {
            return;
        }
        poller.shutdownNow();
        try
        {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
