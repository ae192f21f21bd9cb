package dev.sxs.agent;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.sxs.concurrent.SxsThreadFactory;

/**
 * The threads that serve management (MBean) calls, made by the runtime's {@link SxsThreadFactory} (so each
 * has sxs's class loader as context class loader, normal priority and no inherited thread-local of the
 * caller; no host or JMX thread ever runs Chronicle code: it only waits for the answer). Two separate paths,
 * so a script never delays a call that runs none:
 * <ul>
 *   <li>script calls ({@link #SCRIPT_CALLS}: {@code eval}, {@code evalIn}, {@code evalSession},
 *   {@code replay}) run on {@code sxs-call-N}: {@code scriptThreads} started with the agent, growing to
 *   {@code maxScriptThreads} while calls wait on scripts, then refused at once ("busy"). A call whose
 *   answer does not come within {@code scriptWaitMillis} fails, and its thread is interrupted, which
 *   cancels the script (its processor moves on);</li>
 *   <li>every other call (attribute reads, which answer from counters, {@code publish}, store and session
 *   operations) runs on {@code sxs-mgmt-N}, whose calls never wait on a script, within
 *   {@code quickWaitMillis} (a publish within {@code publishWaitMillis}: the publish timeout plus a grace).</li>
 * </ul>
 * <p>
 * Threading: {@link #run} from any thread; {@link #shutdown} once, from a thread that is not one of these.
 */
final class ManagementThreads
{
    /** The operations that run a script and wait for it. */
    static final Set<String> SCRIPT_CALLS = Set.of("eval", "evalIn", "evalSession", "replay");
    /** Longest wait, after a script call timed out and was cancelled, for it to say what became of its script. */
    static final long CANCEL_SETTLE_MILLIS = 3000;

    private final SxsThreadFactory threads;
    private final ThreadPoolExecutor quick;
    private final ThreadPoolExecutor scripts;
    private final long quickWaitMillis;
    private final long publishWaitMillis;
    private final long scriptWaitMillis;
    private final long stopWaitMillis;

    /**
     * @param threads          the runtime's thread factory.
     * @param count            threads for calls that run no script, started now.
     * @param scriptThreads    threads for script calls, started now.
     * @param maxScriptThreads most script calls served at once.
     * @param quickWaitMillis  longest wait for a call that runs no script (but publish).
     * @param publishWaitMillis longest wait for {@code publish}.
     * @param scriptWaitMillis longest wait for a script call (then the script is cancelled).
     * @param stopWaitMillis   longest wait for the answer of {@code stop}.
     */
    ManagementThreads(final SxsThreadFactory threads, final int count, final int scriptThreads,
        final int maxScriptThreads, final long quickWaitMillis, final long publishWaitMillis,
        final long scriptWaitMillis, final long stopWaitMillis)
    {
        this.threads = threads;
        this.quickWaitMillis = quickWaitMillis;
        this.publishWaitMillis = publishWaitMillis;
        this.scriptWaitMillis = scriptWaitMillis;
        this.stopWaitMillis = stopWaitMillis;
        this.quick = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            threads.named("sxs-mgmt-"));
        quick.prestartAllCoreThreads();
        this.scripts = new ThreadPoolExecutor(scriptThreads, maxScriptThreads, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), threads.named("sxs-call-"));
        scripts.prestartAllCoreThreads();
    }

    /**
     * Run an MBean call on a management thread and wait for it. {@code stop} runs on a thread of its own
     * ({@code sxs-stop-call}): it stops these threads, and its audit record is Chronicle code that must not
     * run on the caller's thread either (a Chronicle thread-local on an RMI thread would pin sxs's loader).
     *
     * @param name the attribute or operation.
     * @param call the work.
     * @return its result.
     * @throws Exception what the call threw, or {@link IllegalStateException} when it took too long or every
     *                   script thread is busy.
     */
    Object run(final String name, final Callable<Object> call) throws Exception
    {
        if ("stop".equals(name))
        {
            final FutureTask<Object> task = new FutureTask<>(call);
            final Thread stopper = threads.newThread(task, "sxs-stop-call");
            stopper.start();
            final Object answer = task.get(stopWaitMillis, TimeUnit.MILLISECONDS);
            // the answer is ready before the thread has ended: wait for it, so no sxs thread outlives stop
            stopper.join(stopWaitMillis);
            return answer;
        }
        final boolean script = SCRIPT_CALLS.contains(name);
        final Future<Object> result;
        // the call's own answer, readable after the call was cancelled: a cancelled script call answers with
        // what became of its script (not run, stopped after N forms, finished)
        final CompletableFuture<Object> late = new CompletableFuture<>();
        try
        {
            result = (script ? scripts : quick).submit(() ->
            {
                try
                {
                    final Object answer = call.call();
                    late.complete(answer);
                    return answer;
                }
                catch (final Exception ex)
                {
                    late.completeExceptionally(ex);
                    throw ex;
                }
            });
        }
        catch (final RejectedExecutionException ex)
        {
            throw new IllegalStateException(name + ": busy, " + scripts.getMaximumPoolSize()
                + " script calls are running; try again later");
        }
        final long waitMillis = script ? scriptWaitMillis
            : "publish".equals(name) ? publishWaitMillis : quickWaitMillis;
        try
        {
            return result.get(waitMillis, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            // interrupting a script call cancels its script (RuntimeView.eval), freeing its processor
            result.cancel(true);
            throw new IllegalStateException(name + ": no result within " + waitMillis + " ms" + outcome(script, late));
        }
    }

    /** @return {@code ; <what became of the script>} for a cancelled script call that answered in time, else "". */
    private static String outcome(final boolean script, final CompletableFuture<Object> late)
    {
        if (!script)
        {
            return "";
        }
        try
        {
            return "; " + late.get(CANCEL_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "";
        }
        catch (final ExecutionException | TimeoutException | CancellationException ex)
        {
            return "; the script was cancelled, its outcome is not known yet";
        }
    }

    /**
     * Let the calls in progress finish (at most {@code waitMillis}), then stop the threads.
     *
     * @param waitMillis how long to wait.
     */
    void shutdown(final long waitMillis)
    {
        quick.shutdown();
        scripts.shutdown();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        awaitTermination(quick, deadline);
        awaitTermination(scripts, deadline);
        quick.shutdownNow();
        scripts.shutdownNow();
    }

    private static void awaitTermination(final ExecutorService pool, final long deadlineNanos)
    {
        try
        {
            pool.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
