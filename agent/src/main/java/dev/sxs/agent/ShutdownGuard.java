package dev.sxs.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sxs.concurrent.SxsThreadFactory;

/**
 * The agent's JVM shutdown hook, registered before sxs opens anything, so that a host which exits while sxs
 * is still starting (a short job, a service that fails its own start) does not leave the store open: the
 * hook waits for the start to finish, at most {@link #DEFAULT_START_WAIT_MILLIS}, then closes sxs as at any
 * other exit. Without it the JVM halted while the store was mapped, and the next start had to recover the
 * whole file (seconds at millions of keys).
 * <p>
 * Threading: {@link #started} and {@link #failed} are called once by the starting thread; the hook runs on its
 * own {@code sxs-shutdown} thread. Failure: the hook never throws; when the start outlasts the wait, the JVM
 * exits without closing sxs (as before this guard), and the next start recovers the store.
 */
final class ShutdownGuard
{
    /** Longest time a JVM exit waits for a start in progress, ms: the host's exit is delayed by at most this. */
    static final long DEFAULT_START_WAIT_MILLIS = 10_000;

    private final CountDownLatch startDone = new CountDownLatch(1);
    private final long startWaitMillis;
    private final Thread hook;
    private volatile Runnable close;

    private ShutdownGuard(final long startWaitMillis)
    {
        this.startWaitMillis = startWaitMillis;
        this.hook = SxsThreadFactory.create().newThread(this::onExit, "sxs-shutdown");
    }

    /**
     * Register the hook.
     *
     * @param startWaitMillis how long an exit waits for a start in progress.
     * @return the guard.
     * @throws IllegalStateException when the JVM is already shutting down (sxs must not start then).
     */
    static ShutdownGuard install(final long startWaitMillis)
    {
        final ShutdownGuard guard = new ShutdownGuard(startWaitMillis);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /**
     * The start succeeded: an exit from now on runs {@code closeOnExit}.
     *
     * @param closeOnExit closes sxs; runs on the hook's thread.
     */
    void started(final Runnable closeOnExit)
    {
        close = closeOnExit;
        startDone.countDown();
    }

    /** The start failed (and closed what it opened): the hook has nothing to do and is removed. */
    void failed()
    {
        startDone.countDown();
        remove();
    }

    /**
     * Remove the hook ({@code stop} unloads sxs itself).
     *
     * @return false when the JVM is shutting down already (the hook then runs).
     */
    boolean remove()
    {
        try
        {
            return Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException shuttingDown)
        {
            return false;
        }
    }

    private void onExit()
    {
        try
        {
            if (!startDone.await(startWaitMillis, TimeUnit.MILLISECONDS))
            {
                return; // still starting: leave it, the next start recovers the store
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        final Runnable c = close;
        if (c != null)
        {
            c.run();
        }
    }
}
