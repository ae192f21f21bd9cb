package dev.sxs.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
 */
public final class Processors implements ChannelSink, AutoCloseable
{
    /** How long {@link #close()} waits for each processor thread to end. */
    public static final long DEFAULT_JOIN_TIMEOUT_MILLIS = 2000;

    private final Dispatcher dispatcher;
    private final ScriptRunner runner;
    private final Worker[] workers;
    private volatile boolean closed;

    private record Job(Event event, Object session, CompletableFuture<List<Value>> future, boolean replay)
    {
    }

    private record Submission(Object session, CompletableFuture<List<Value>> future)
    {
    }

    private static final Job STOP = new Job(null, null, null, false);

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
    public CompletableFuture<List<Value>> submit(final String source, final int topic, final Object session, final String scope)
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
        final Job job;
        if (attachment instanceof Submission s)
        {
            job = new Job(event, s.session(), s.future(), replay);
        }
        else
        {
            job = new Job(event, event.origin(), new CompletableFuture<>(), replay);
        }
        workers[processorFor(event.topic())].queue.add(job);
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
        private final EventThread thread;

        Worker(final int index)
        {
            this.thread = new EventThread(this, "sxs-processor-" + index);
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
                final Value payload = job.event().payload();
                final String source = payload instanceof StrValue s ? s.text() : payload.print();
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
            dispatcher.completed(Channel.EXEC, ok);
        }
    }
}
