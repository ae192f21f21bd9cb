package dev.sxs.runtime;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;

import dev.sxs.events.Event;
import dev.sxs.events.EventThread;
import dev.sxs.gateway.ScriptProgress;
import dev.sxs.lang.Budget;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.session.SxsSession;

/**
 * One script processor as an Agrona {@link Agent}: each duty cycle runs the next queued script, so its
 * scripts run one at a time in submission order. Run by an {@code AgentRunner} on an {@link EventThread}
 * {@code sxs-processor-N} (the replay flag and the await hook live there); submitters wake it with
 * {@link LockSupport#unpark} after queuing, so an idle processor parks without polling fast.
 * <p>
 * Cancellation: a job whose future is already done when its turn comes (its submitter cancelled it) is
 * dropped; cancelling the future of the running job cancels its {@link Budget}, so the script starts no
 * further form and stops at its next budget check or await, and the processor moves on. Either way its
 * {@link ScriptProgress} tells the submitter which (not run, stopped after N forms, finished).
 * <p>
 * Threading: {@link #add} from any thread; the duty cycle on the processor thread. Once
 * {@link #stopAfterQueued()} was called the agent ends when its queue is empty.
 */
final class ScriptProcessor implements Agent
{
    private final String roleName;
    private final ScriptRunner runner;
    private final Completion completion;
    private final Queue<Job> queue = new ConcurrentLinkedQueue<>();
    private final Queue<CompletableFuture<Void>> unsettled = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile EventThread thread;
    private volatile boolean stopping;

    /** Told when a script finished (the processors count it on the execution channel). */
    @FunctionalInterface
    interface Completion
    {
        /**
         * @param job the job.
         * @param ok  false when the runner threw.
         */
        void completed(Job job, boolean ok);
    }

    /**
     * One queued script.
     *
     * @param event   the execution-channel event carrying the source.
     * @param session the session it runs in.
     * @param future  completed with the values.
     * @param progress told when it starts and how it ended.
     * @param replay  true for a replayed script (its publications are suppressed).
     * @param settled completed once the script finished or blocked in an await; null when nobody waits.
     */
    record Job(Event event, SxsSession session, CompletableFuture<List<Value>> future, ScriptProgress progress,
        boolean replay, CompletableFuture<Void> settled)
    {
    }

    ScriptProcessor(final int index, final ScriptRunner runner, final Completion completion)
    {
        this.roleName = "sxs-processor-" + index;
        this.runner = runner;
        this.completion = completion;
    }

    /**
     * @param thread the thread the runner was started on; it is woken after each {@link #add}.
     * @return the same thread.
     */
    EventThread bind(final EventThread thread)
    {
        this.thread = thread;
        // blocked in an await: the running script and every replayed script queued behind it settle
        thread.onBlocking(this::settleAll);
        return thread;
    }

    EventThread thread()
    {
        return thread;
    }

    void add(final Job job)
    {
        if (job.settled() != null)
        {
            unsettled.add(job.settled());
        }
        pending.incrementAndGet();
        queue.add(job);
        LockSupport.unpark(thread);
    }

    /** @return scripts queued or running here (0: idle, a new script runs at once). */
    int pending()
    {
        return pending.get();
    }

    void stopAfterQueued()
    {
        stopping = true;
        LockSupport.unpark(thread);
    }

    Job poll()
    {
        final Job job = queue.poll();
        if (job != null)
        {
            pending.decrementAndGet();
        }
        return job;
    }

    void settleAll()
    {
        CompletableFuture<Void> f;
        while ((f = unsettled.poll()) != null)
        {
            f.complete(null);
        }
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    @Override
    public int doWork()
    {
        final Job job = queue.peek();
        if (job == null)
        {
            if (stopping)
            {
                throw new AgentTerminationException();
            }
            return 0;
        }
        try
        {
            runOne(job);
        }
        finally
        {
            queue.poll();
        }
        return 1;
    }

    private void runOne(final Job job)
    {
        final Budget budget = runner.newBudget();
        if (job.future().isDone() || !job.progress().start(budget))
        {
            // its submitter gave up while it was queued: never run it
            pending.decrementAndGet();
            job.progress().cancel("the caller gave up");
            job.future().complete(List.of(new ErrorValue("cancelled: not run")));
            settled(job);
            completion.completed(job, false);
            return;
        }
        boolean ok = true;
        List<Value> result;
        final EventThread self = thread;
        self.setReplaying(job.replay());
        // a script sent by a handler stays in its causal chain: it publishes at the depth that carried it
        self.setPublishDepth(job.event().depth());
        String failure = null;
        try
        {
            final Object payload = job.event().payload();
            final String source = payload instanceof StrValue s ? s.text()
                : payload instanceof Value v ? v.print() : String.valueOf(payload);
            result = runner.run(source, job.session(), budget);
            if (result == null)
            {
                result = List.of(new ErrorValue("processor: no result"));
            }
        }
        catch (final Throwable t)
        {
            ok = false;
            failure = String.valueOf(t);
            // the forms before the failure took effect: say how many
            result = List.of(new ErrorValue("processor failed after " + budget.formsRun() + " forms: " + t));
        }
        finally
        {
            self.setReplaying(false);
            self.setPublishDepth(0);
        }
        // pending until it ends, and no longer once its submitter hears so: the next placement sees it idle
        pending.decrementAndGet();
        job.progress().finished(budget.formsRun(), failure == null ? result.size() : -1, failure);
        job.future().complete(result);
        settled(job);
        completion.completed(job, ok);
    }

    private void settled(final Job job)
    {
        if (job.settled() != null)
        {
            unsettled.remove(job.settled());
            job.settled().complete(null);
        }
    }
}
