package dev.sxs.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.sxs.events.Channel;
import dev.sxs.events.ChannelSink;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.Event;
import dev.sxs.events.EventThread;
import dev.sxs.events.Publication;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;

/**
 * The script processors behind the execution channel. A script is submitted by publishing it on
 * {@link Channel#EXEC} (so it is counted, bounded and journaled like any event); topic {@code t}
 * selects processor {@code t mod count}. Each processor is one thread ({@code sxs-processor-N}) with
 * its own queue: its scripts run one at a time in submission order; processors run in parallel.
 * <p>
 * Threading: {@link #submit} from any thread. Failure: never throws; every problem (bad topic, queue
 * full, closed, read error, budget overrun, runner failure) completes the future with error values.
 * <p>
 * Replay: a replayed script (a journaled execution-channel event re-published by a replay) is handed to
 * its processor and the replaying thread then waits until the script has <em>settled</em>: it finished,
 * or it (or the script ahead of it on that processor) waits in an await, at most
 * {@link #DEFAULT_REPLAY_SETTLE_MILLIS}. So the handlers a replayed script subscribes exist before the
 * events journaled after it are re-published, and an await in a replayed script is answered by the
 * replayed event that answered it originally.
 */
public final class Processors implements ChannelSink, AutoCloseable
{
    /** How long {@link #close()} waits for each processor thread to end. */
    public static final long DEFAULT_JOIN_TIMEOUT_MILLIS = 2000;
    /** Longest wait of a replaying thread for a replayed script to settle (finish or block in an await). */
    public static final long DEFAULT_REPLAY_SETTLE_MILLIS = 30_000;

    private final Dispatcher dispatcher;
    private final ScriptRunner runner;
    private final Worker[] workers;
    private volatile boolean closed;

    private record Job(Event event, Object session, CompletableFuture<List<Value>> future, boolean replay,
        CompletableFuture<Void> settled)
    {
    }

    private record Submission(Object session, CompletableFuture<List<Value>> future)
    {
    }

    private static final Job STOP = new Job(null, null, null, false, null);

    private Processors(final Dispatcher dispatcher, final ScriptRunner runner, final int count)
    {
        this.dispatcher = dispatcher;
        this.runner = runner;
        this.workers = new Worker[count];
        for (int i = 0; i < count; i++)
        {
            workers[i] = new Worker(i);
        }
    }

    /**
     * Start {@code count} processors and bind them to the execution channel of {@code dispatcher}.
     *
     * @param dispatcher the dispatcher whose execution channel feeds them.
     * @param runner     runs one script.
     * @param count      number of processors, at least 1.
     * @return the running processors.
     */
    public static Processors start(final Dispatcher dispatcher, final ScriptRunner runner, final int count)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("processors must be >= 1: " + count);
        }
        final Processors p = new Processors(dispatcher, runner, count);
        for (final Worker w : p.workers)
        {
            w.thread.start();
        }
        dispatcher.bind(Channel.EXEC, p);
        return p;
    }

    /** @return the number of processors. */
    public int count()
    {
        return workers.length;
    }

    /**
     * @param topic an execution-channel topic, 0..65535.
     * @return the processor that runs scripts submitted on it.
     */
    public int processorFor(final int topic)
    {
        return topic % workers.length;
    }

    /**
     * Submit a script.
     *
     * @param source  the script text.
     * @param topic   0..65535; processor {@code topic mod count} runs it.
     * @param session the session handed to the runner (and whose scope is the event's origin).
     * @param scope   the scope recorded as the event's origin.
     * @return the printed-value results: one value per top-level form, or one error value.
     */
    public CompletableFuture<List<Value>> submit(final String source, final int topic, final Object session,
        final String scope)
    {
        final CompletableFuture<List<Value>> future = new CompletableFuture<>();
        if (source == null)
        {
            future.complete(List.of(new ErrorValue("submit: expects a script")));
            return future;
        }
        final long result = dispatcher.publish(Channel.EXEC, topic, new StrValue(source), scope == null ? "" : scope,
            new Submission(session, future));
        if (!Publication.isAccepted(result))
        {
            future.complete(List.of(new ErrorValue("submit: " + Publication.describe(result)
                + (result == Publication.BAD_TOPIC ? " (0..65535): " + topic : " on the execution channel"))));
        }
        return future;
    }

    @Override
    public void accept(final Event event, final Object attachment, final boolean replay)
    {
        final Worker worker = workers[processorFor(event.topic())];
        // a replaying thread waits for the script to settle; a thread of sxs never does (no self-wait)
        final CompletableFuture<Void> settled = replay && !(Thread.currentThread() instanceof EventThread)
            ? new CompletableFuture<>()
            : null;
        final Job job;
        if (attachment instanceof Submission s)
        {
            job = new Job(event, s.session(), s.future(), replay, settled);
        }
        else
        {
            job = new Job(event, event.origin(), new CompletableFuture<>(), replay, settled);
        }
        if (settled == null)
        {
            worker.queue.add(job);
            return;
        }
        worker.unsettled.add(settled);
        worker.queue.add(job);
        if (worker.thread.isBlockedInAwait() || closed)
        {
            worker.settleAll();
        }
        waitSettled(settled);
    }

    private static void waitSettled(final CompletableFuture<Void> settled)
    {
        try
        {
            settled.get(DEFAULT_REPLAY_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            // go on: the script keeps running on its processor
        }
    }

    /**
     * Stop the processors after the scripts already queued (call after the dispatcher drained).
     * Futures of scripts that never ran complete with {@code @"runtime closed"}. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        dispatcher.bind(Channel.EXEC, null);
        for (final Worker w : workers)
        {
            w.queue.add(STOP);
        }
        for (final Worker w : workers)
        {
            try
            {
                w.thread.join(DEFAULT_JOIN_TIMEOUT_MILLIS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (final Worker w : workers)
        {
            w.settleAll();
            Job job;
            while ((job = w.queue.poll()) != null)
            {
                if (job != STOP)
                {
                    job.future().complete(List.of(new ErrorValue("runtime closed")));
                    dispatcher.completed(Channel.EXEC, false);
                }
            }
        }
    }

    private final class Worker implements Runnable
    {
        private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        private final ConcurrentLinkedQueue<CompletableFuture<Void>> unsettled = new ConcurrentLinkedQueue<>();
        private final EventThread thread;

        Worker(final int index)
        {
            this.thread = new EventThread(this, "sxs-processor-" + index);
            // blocked in an await: the running script and every replayed script queued behind it settle
            thread.onBlocking(this::settleAll);
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
        public void run()
        {
            while (true)
            {
                final Job job;
                try
                {
                    job = queue.poll(1, TimeUnit.DAYS);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
                if (job == STOP)
                {
                    return;
                }
                if (job != null)
                {
                    runOne(job);
                }
            }
        }

        private void runOne(final Job job)
        {
            boolean ok = true;
            List<Value> result;
            thread.setReplaying(job.replay());
            try
            {
                final Object payload = job.event().payload();
                final String source = payload instanceof StrValue s ? s.text()
                    : payload instanceof Value v ? v.print() : String.valueOf(payload);
                result = runner.run(source, job.session());
                if (result == null)
                {
                    result = List.of(new ErrorValue("processor: no result"));
                }
            }
            catch (final Throwable t)
            {
                ok = false;
                result = List.of(new ErrorValue("processor failed: " + t));
            }
            finally
            {
                thread.setReplaying(false);
            }
            job.future().complete(result);
            if (job.settled() != null)
            {
                unsettled.remove(job.settled());
                job.settled().complete(null);
            }
            dispatcher.completed(Channel.EXEC, ok);
        }
    }
}
