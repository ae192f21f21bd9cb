package dev.sxs.runtime;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.log.SxsWarnings;
import dev.sxs.events.Channel;
import dev.sxs.events.ChannelBinding;
import dev.sxs.events.ChannelSink;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.Event;
import dev.sxs.events.EventThread;
import dev.sxs.events.Publication;
import dev.sxs.gateway.ScriptProgress;
import dev.sxs.gateway.ScriptQueue;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.ScriptProcessor.Job;
import dev.sxs.session.SxsSession;

/**
 * The script processors behind the execution channel. A script is submitted by publishing it on
 * {@link Channel#EXEC} (so it is counted, bounded and journaled like any event); topic {@code t}
 * selects processor {@code t mod count}. Each processor is an Agrona agent ({@link ScriptProcessor}) on
 * its own thread {@code sxs-processor-N} from the runtime's {@link SxsThreadFactory}, with its own
 * queue: its scripts run one at a time in submission order; processors run in parallel. Scripts of unnamed
 * sessions are placed on an idle processor ({@link #topicFor}); a cancelled script frees its processor.
 * <p>
 * Threading: {@link #submit} from any thread. Failure: never throws; every problem (bad topic, queue
 * full, closed, read error, budget overrun, runner failure) completes the future with error values.
 * Allocation: a job, a future and the published event per script.
 * <p>
 * Replay: a replayed script (a journaled execution-channel event re-published by a replay) runs in a
 * session the replay-session source opens for the scope it recorded, and the replaying thread then
 * waits until the script has <em>settled</em>: it finished, or it (or the script ahead of it on that
 * processor) waits in an await, at most {@link #DEFAULT_REPLAY_SETTLE_MILLIS}. So the handlers a
 * replayed script subscribes exist before the events journaled after it are re-published, and an await
 * in a replayed script is answered by the replayed event that answered it originally.
 */
public final class Processors implements ChannelSink<Processors.Submitted>, ScriptQueue, AutoCloseable
{
    /** How long {@link #close()} waits for each processor to run the scripts queued before it. */
    public static final long DEFAULT_JOIN_TIMEOUT_MILLIS = 2000;
    /** Longest wait of a replaying thread for a replayed script to settle (finish or block in an await). */
    public static final long DEFAULT_REPLAY_SETTLE_MILLIS = 30_000;
    /** Longest park of an idle processor between checks (submitters wake it at once). */
    public static final long DEFAULT_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Dispatcher dispatcher;
    private final Function<String, SxsSession> replaySessions;
    private final ScriptProcessor[] processors;
    private final AgentRunner[] runners;
    private volatile boolean closed;

    private volatile ChannelBinding<Submitted> exec;

    /** What a submitter attaches to its script's event: the session to run it in and the future to complete. */
    record Submitted(SxsSession session, CompletableFuture<List<Value>> future, ScriptProgress progress)
    {
    }

    private Processors(final Dispatcher dispatcher, final ScriptRunner runner, final int count,
        final Function<String, SxsSession> replaySessions)
    {
        this.dispatcher = dispatcher;
        this.replaySessions = replaySessions;
        this.processors = new ScriptProcessor[count];
        this.runners = new AgentRunner[count];
        for (int i = 0; i < count; i++)
        {
            processors[i] = new ScriptProcessor(i, runner, this::completed);
        }
    }

    /**
     * Start {@code count} processors and bind them to the execution channel of {@code dispatcher}.
     *
     * @param dispatcher     the dispatcher whose execution channel feeds them.
     * @param runner         runs one script.
     * @param count          number of processors, at least 1.
     * @param replaySessions opens the session a replayed script runs in, from the scope it recorded.
     * @param threads        makes the processor threads.
     * @return the running processors.
     */
    public static Processors start(final Dispatcher dispatcher, final ScriptRunner runner, final int count,
        final Function<String, SxsSession> replaySessions, final SxsThreadFactory threads)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("processors must be >= 1: " + count);
        }
        Objects.requireNonNull(replaySessions, "replaySessions");
        final Processors p = new Processors(dispatcher, runner, count, replaySessions);
        for (int i = 0; i < count; i++)
        {
            final ScriptProcessor processor = p.processors[i];
            p.runners[i] = new AgentRunner(new BackoffIdleStrategy(1, 1, 1_000, DEFAULT_MAX_PARK_NANOS),
                Processors::onError, null, processor);
            AgentRunner.startOnThread(p.runners[i],
                task -> processor.bind(threads.newThread(processor.roleName(), name -> new EventThread(task, name))));
        }
        p.exec = dispatcher.bind(Channel.EXEC, p);
        return p;
    }

    private static void onError(final Throwable t)
    {
        if (!(t instanceof AgentTerminationException))
        {
            SxsWarnings.warn("script processor failed", t);
        }
    }

    /** @return the number of processors. */
    public int count()
    {
        return processors.length;
    }

    /**
     * @param topic an execution-channel topic, 0..65535.
     * @return the processor that runs scripts submitted on it.
     */
    public int processorFor(final int topic)
    {
        return topic % processors.length;
    }

    /**
     * Place a script of an unnamed session: the first idle processor from {@code sessionId mod count} on
     * (none queued or running), else the one with the fewest scripts, so a script stuck on one processor
     * delays only scripts submitted on its topic (named sessions), never unnamed ones while another
     * processor is idle. O(count); no allocation.
     *
     * @param sessionId the session's id, spreading ties over the processors.
     * @return the execution-channel topic of the chosen processor.
     */
    @Override
    public int topicFor(final long sessionId)
    {
        final int n = processors.length;
        final int start = (int)Math.floorMod(sessionId, (long)n);
        int best = start;
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++)
        {
            final int p = (start + i) % n;
            final int pending = processors[p].pending();
            if (pending == 0)
            {
                return p;
            }
            if (pending < fewest)
            {
                fewest = pending;
                best = p;
            }
        }
        return best;
    }

    /**
     * Submit a script.
     *
     * @param source  the script text.
     * @param topic   0..65535; processor {@code topic mod count} runs it.
     * @param session the session handed to the runner; its scope is the event's origin.
     * @param progress told when the script starts and how it ended ({@link ScriptProgress#describe}).
     * @return the values: one per top-level form, or one error value. Cancelling it cancels the script (a
     *         queued one never runs; a running one starts no further form and stops at its next budget check
     *         or await).
     */
    @Override
    public CompletableFuture<List<Value>> submit(final String source, final int topic, final SxsSession session,
        final ScriptProgress progress)
    {
        final CompletableFuture<List<Value>> future = new CompletableFuture<>();
        future.whenComplete((values, failure) ->
        {
            if (failure != null)
            {
                progress.cancel("the caller gave up");
            }
        });
        if (source == null || session == null)
        {
            final String problem = source == null ? "submit: expects a script" : "submit: no session";
            progress.cancel(problem);
            future.complete(List.of(new ErrorValue(problem)));
            return future;
        }
        final long result = exec.publish(topic, new StrValue(source), session.scope(),
            new Submitted(session, future, progress));
        if (!Publication.isAccepted(result))
        {
            progress.cancel("not queued");
            future.complete(List.of(new ErrorValue("submit: " + Publication.describe(result)
                + (result == Publication.BAD_TOPIC ? " (0..65535): " + topic : " on the execution channel"))));
        }
        return future;
    }

    @Override
    public void accept(final Event event, final Submitted attachment, final boolean replay)
    {
        final ScriptProcessor processor = processors[processorFor(event.topic())];
        // a replaying thread waits for the script to settle; a thread of sxs never does (no self-wait)
        final CompletableFuture<Void> settled = replay && !(Thread.currentThread() instanceof EventThread)
            ? new CompletableFuture<>()
            : null;
        if (attachment != null)
        {
            processor.add(new Job(event, attachment.session(), attachment.future(), attachment.progress(), replay,
                settled));
        }
        else
        {
            final SxsSession session = replaySessions.apply(event.origin());
            final CompletableFuture<List<Value>> done = new CompletableFuture<>();
            done.whenComplete((values, failure) -> session.release());
            processor.add(new Job(event, session, done, new ScriptProgress(), replay, settled));
        }
        if (settled == null)
        {
            return;
        }
        if (processor.thread().isBlockedInAwait() || closed)
        {
            processor.settleAll();
        }
        waitSettled(settled);
    }

    private void completed(final Job job, final boolean ok)
    {
        dispatcher.completed(Channel.EXEC, ok);
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
     * Stop the processors after the scripts already queued (call after the dispatcher drained), then
     * their threads. Futures of scripts that never ran complete with {@code @"runtime closed"}. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        exec.close();
        for (final ScriptProcessor p : processors)
        {
            p.stopAfterQueued();
        }
        for (final ScriptProcessor p : processors)
        {
            try
            {
                p.thread().join(DEFAULT_JOIN_TIMEOUT_MILLIS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (final AgentRunner runner : runners)
        {
            runner.close();
        }
        for (final ScriptProcessor p : processors)
        {
            p.settleAll();
            Job job;
            while ((job = p.poll()) != null)
            {
                job.future().complete(List.of(new ErrorValue("runtime closed")));
                dispatcher.completed(Channel.EXEC, false);
            }
        }
    }
}
