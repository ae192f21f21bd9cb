package dev.sxs.task;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.EventThread;
import dev.sxs.events.Subscription;
import dev.sxs.gateway.EntityChecks;
import dev.sxs.gateway.Gateway;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.Value;
import dev.sxs.lang.task.Wait;
import dev.sxs.session.SessionRequest;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Who runs the tasks' steps and wakes them: a queue of runnable tasks, pumped by one {@code sxs-task-N}
 * thread into the gateway as step scripts ({@code (core/task/step ID PC)}, origin {@code TASK}), at most
 * {@link TaskOptions#concurrency()} at a time, each task one step at a time and back at the tail of the
 * queue after it (so tasks share the processors round-robin); a new task's first step goes from the spawning
 * thread straight to the gateway when that is not a thread of sxs and nothing is queued ({@link #start}); the
 * same thread runs the sleep timers and the removal of finished tasks, swept in batches ({@link #retire}: at most
 * one sweep per {@link #SWEEP_MILLIS}, so a stream of short tasks does not wake it once per task). An await is a
 * dispatcher subscription in the task's scope. A waiting task holds no thread.
 * <p>
 * Threading: thread-safe. The pump never blocks a processor or dispatch thread: completions only queue.
 */
final class Scheduler implements AutoCloseable
{
    /** Shortest time between two sweeps of the finished tasks whose retention ended ({@link #retire}). */
    static final long SWEEP_MILLIS = 10;

    private final ScheduledThreadPoolExecutor executor;
    private final ConcurrentLinkedQueue<Retired> retired = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sweepQueued = new AtomicBoolean();
    private final Consumer<Task> removal;
    private volatile long lastSweepMillis;
    private final ConcurrentLinkedQueue<Task> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final Gateway gateway;
    private final Dispatcher dispatcher;
    private final int concurrency;
    private final BiConsumer<Task, List<Value>> stepDone;
    private volatile boolean closed;

    /**
     * @param options    the concurrency.
     * @param gateway    where step scripts go.
     * @param dispatcher where awaits subscribe.
     * @param threads    the runtime's thread factory.
     * @param stepDone   called after each step script with its values (the engine settles the task).
     * @param removal    removes a finished task with its frame, on the engine's thread ({@link #retire}).
     */
    Scheduler(final TaskOptions options, final Gateway gateway, final Dispatcher dispatcher,
        final SxsThreadFactory threads, final BiConsumer<Task, List<Value>> stepDone, final Consumer<Task> removal)
    {
        this.removal = removal;
        this.gateway = gateway;
        this.dispatcher = dispatcher;
        this.concurrency = options.concurrency();
        this.stepDone = stepDone;
        this.executor = new ScheduledThreadPoolExecutor(1, threads.named("sxs-task-"));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** @param task a task to run a step of (ignored unless runnable when its turn comes). */
    void enqueue(final Task task)
    {
        ready.add(task);
        schedulePump();
    }

    /**
     * Start a new task: its first step is submitted from the calling thread when a slot is free, no task waits
     * for one and the caller is not a thread of sxs (which must never wait for room on the execution channel),
     * which spares the hand-off to the engine's thread; else it is queued as {@link #enqueue} does.
     *
     * @param task a task just spawned, running.
     */
    void start(final Task task)
    {
        if (!closed && ready.isEmpty() && !(Thread.currentThread() instanceof EventThread) && reserve())
        {
            submit(task);
        }
        else
        {
            enqueue(task);
        }
    }

    /** @return true once closed: no step starts from now on, inline or submitted. */
    boolean isClosed()
    {
        return closed;
    }

    /** @return the steps submitted and not yet finished. */
    int inFlight()
    {
        return inFlight.get();
    }

    /** @return the tasks queued for a step. */
    int queued()
    {
        return ready.size();
    }

    private void schedulePump()
    {
        if (!closed && pumpQueued.compareAndSet(false, true))
        {
            run(this::pump);
        }
    }

    private void pump()
    {
        pumpQueued.set(false);
        while (!closed && !ready.isEmpty() && reserve())
        {
            final Task task = ready.poll();
            if (task == null)
            {
                inFlight.decrementAndGet();
                return;
            }
            submit(task);
        }
    }

    /** @return true when a step slot was taken (below {@link TaskOptions#concurrency()}); give it back after. */
    private boolean reserve()
    {
        for (int n = inFlight.get(); n < concurrency; n = inFlight.get())
        {
            if (inFlight.compareAndSet(n, n + 1))
            {
                return true;
            }
        }
        return false;
    }

    /** Submit the task's next step in a slot {@link #reserve}d for it (given back here when it has none to run). */
    private void submit(final Task task)
    {
        final long pc;
        synchronized (task)
        {
            if (!task.runnable() || task.inFlight)
            {
                inFlight.decrementAndGet();
                return;
            }
            task.inFlight = true;
            task.ran = false;
            pc = task.pc;
        }
        gateway.submit(new ScriptSubmission("(core/task/step " + task.id + " " + pc + ")", task.principal,
            "task.step", SessionRequest.fresh(task.scope), ScriptSubmission.SESSION_TOPIC))
            .whenComplete((values, failure) ->
            {
                inFlight.decrementAndGet();
                stepDone.accept(task, values != null ? values : List.of(new ErrorValue("step cancelled")));
                if (!ready.isEmpty())
                {
                    // a slot is free for a queued task; with none queued the engine's thread is not woken
                    schedulePump();
                }
            });
    }

    /**
     * The gateway's entity checks for one more step of a task run inline (without a new submission): what the
     * admission of a step script checks (may the task's principal act as its entity, use its scope), each
     * denial counted and audited as the gateway's are. Origin {@code task} is not audited, so an allowed step
     * writes no record, as a submitted one does not.
     *
     * @param task the task.
     * @return null when the step may run, else the denial's message.
     */
    String refusal(final Task task)
    {
        final EntityChecks checks = gateway.entityChecks();
        return checks == null ? null : checks.admit(task.principal, task.scope).refusal();
    }

    /**
     * @param message the error a step script gave without running.
     * @return true for the gateway's refusal of it (its access policy's or its entity's), which no retry cures.
     */
    static boolean isRefusal(final String message)
    {
        return message.contains(": not permitted") || message.startsWith("entity '")
            || message.startsWith("no entity '");
    }

    /**
     * Start waiting for what the task's wait names.
     *
     * @param task the task (its monitor held by the caller).
     * @param wake called with the payload (an await) or null (a sleep) when the wait ends.
     */
    void arm(final Task task, final Consumer<Value> wake)
    {
        final Wait wait = task.wait;
        if (closed || wait == null)
        {
            return;
        }
        if (wait.kind() == Wait.Kind.AWAIT)
        {
            task.subscription = listen(task, wait, wake);
        }
        else if (wait.kind() == Wait.Kind.SLEEP)
        {
            try
            {
                task.timer = executor.schedule(() -> wake.accept(null),
                    Math.max(0, task.dueMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
            catch (final RejectedExecutionException closing)
            {
                // closed: the sleep is armed again at the next start
            }
        }
    }

    /**
     * Subscribe to the event an await names, in the task's scope.
     *
     * @param task  the task.
     * @param wait  an await.
     * @param heard called with each event's payload, on a dispatcher thread.
     * @return the subscription, or null once closed.
     */
    Subscription listen(final Task task, final Wait wait, final Consumer<Value> heard)
    {
        return closed ? null : dispatcher.subscribe(wait.channel(), wait.topic(),
            event -> heard.accept(Value.ofPayload(event.payload())), Subscription.NO_OWNER, task.scope);
    }

    /** @param subscription cancel it on the engine's thread (never under a task's monitor on a dispatch thread). */
    void cancel(final Subscription subscription)
    {
        run(subscription::cancel);
    }

    /** @param task stop its subscription or timer (its monitor held by the caller). */
    void disarm(final Task task)
    {
        final Subscription subscription = task.subscription;
        task.subscription = null;
        if (subscription != null)
        {
            run(subscription::cancel);
        }
        if (task.timer != null)
        {
            task.timer.cancel(false);
            task.timer = null;
        }
    }

    /**
     * @param action run on the engine's thread at an epoch-millisecond time.
     * @param atMillis when.
     */
    void at(final Runnable action, final long atMillis)
    {
        try
        {
            executor.schedule(action, Math.max(0, atMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        }
        catch (final RejectedExecutionException closing)
        {
            // closed: the task is found again at the next start
        }
    }

    /**
     * Remove a task that just ended once its retention ends: queued behind the tasks that ended before it (the
     * retention is the same for all, so they fall due in that order) and removed by the next sweep on the engine's
     * thread. A sweep runs at most once per {@link #SWEEP_MILLIS}, so finished tasks are removed in batches: one
     * wake-up of the engine's thread and one catch-up of the ordered index for all the tasks that ended meanwhile,
     * off the processors and the spawning threads. A task can be removed up to that much after its due time.
     *
     * @param task      a task that ended (its monitor may be held by the caller: this only queues).
     * @param dueMillis when its retention ends, epoch milliseconds.
     */
    void retire(final Task task, final long dueMillis)
    {
        retired.add(new Retired(task, dueMillis));
        if (sweepQueued.compareAndSet(false, true))
        {
            at(this::sweep, Math.max(dueMillis, lastSweepMillis + SWEEP_MILLIS));
        }
    }

    /** On the engine's thread: remove every queued task that is due, then come back for the next one. */
    private void sweep()
    {
        final long now = System.currentTimeMillis();
        lastSweepMillis = now;
        sweepQueued.set(false); // before the look: a task queued after it schedules the next sweep itself
        Retired next = retired.peek();
        for (; next != null && next.dueMillis() <= now; next = retired.peek())
        {
            retired.poll();
            removal.accept(next.task());
        }
        if (next != null && sweepQueued.compareAndSet(false, true))
        {
            at(this::sweep, Math.max(next.dueMillis(), now + SWEEP_MILLIS));
        }
    }

    /** @return the runs of the engine's thread so far (pumps, timers, sweeps): for tests. */
    long engineRuns()
    {
        return executor.getCompletedTaskCount();
    }

    /** A finished task waiting for its retention to end. */
    private record Retired(Task task, long dueMillis)
    {
    }

    private void run(final Runnable action)
    {
        try
        {
            executor.execute(action);
        }
        catch (final RejectedExecutionException closing)
        {
            // closed: the task is found again at the next start
        }
    }

    /** Stop pumping, timers and removals; steps already submitted finish on the processors. */
    @Override
    public void close()
    {
        closed = true;
        executor.shutdownNow();
        try
        {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
