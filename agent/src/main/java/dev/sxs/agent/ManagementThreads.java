package dev.sxs.agent;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.sxs.concurrent.SxsThreadFactory;

/**
 * The threads that serve management (MBean) calls: a fixed pool {@code sxs-mgmt-N} made by the runtime's
 * {@link SxsThreadFactory} and started with the agent, so every one of them has sxs's class loader as
 * context class loader and normal priority whatever thread made the first call (a thread made lazily on
 * a caller's thread would inherit its loader: in a servlet container, a webapp's, pinned after a reload).
 * No host or JMX thread ever runs Chronicle code: it only waits for the answer.
 * <p>
 * Threading: {@link #run} from any thread; {@link #shutdown} once, from a thread that is not one of these.
 */
final class ManagementThreads
{
    private final SxsThreadFactory threads;
    private final ThreadPoolExecutor pool;
    private final long callWaitMillis;
    private final long stopWaitMillis;

    /**
     * @param threads        the runtime's thread factory.
     * @param count          number of threads, started now.
     * @param callWaitMillis longest wait for one call's answer.
     * @param stopWaitMillis longest wait for the answer of {@code stop}.
     */
    ManagementThreads(final SxsThreadFactory threads, final int count, final long callWaitMillis,
        final long stopWaitMillis)
    {
        this.threads = threads;
        this.callWaitMillis = callWaitMillis;
        this.stopWaitMillis = stopWaitMillis;
        this.pool = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            threads.named("sxs-mgmt-"));
        pool.prestartAllCoreThreads();
    }

    /**
     * Run an MBean call on a management thread and wait for it. {@code stop} runs on a thread of its own
     * ({@code sxs-stop-call}): it stops these threads, and its audit record is Chronicle code that must not
     * run on the caller's thread either (a Chronicle thread-local on an RMI thread would pin sxs's loader).
     *
     * @param name the attribute or operation.
     * @param call the work.
     * @return its result.
     * @throws Exception what the call threw, or {@link IllegalStateException} when it took too long.
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
        final Future<Object> result = pool.submit(call);
        try
        {
            return result.get(callWaitMillis, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            result.cancel(true);
            throw new IllegalStateException(name + ": no result within " + callWaitMillis + " ms");
        }
    }

    /**
     * Let the calls in progress finish (at most {@code waitMillis}), then stop the threads.
     *
     * @param waitMillis how long to wait.
     */
    void shutdown(final long waitMillis)
    {
        pool.shutdown();
        try
        {
            pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
