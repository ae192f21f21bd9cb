package dev.sxs.task;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The task engine's one thread, held by a test until {@link #release}: what the engine queues meanwhile (a step
 * hand-off, a removal sweep) waits, so a test can tell work done on other threads from the engine's.
 */
final class HeldEngine
{
    private final CountDownLatch release = new CountDownLatch(1);

    private HeldEngine()
    {
    }

    /**
     * @param scheduler the engine's scheduler.
     * @return the hold, once the engine's thread is inside it.
     * @throws InterruptedException when interrupted while waiting for the engine's thread.
     */
    static HeldEngine hold(final Scheduler scheduler) throws InterruptedException
    {
        final HeldEngine held = new HeldEngine();
        final CountDownLatch busy = new CountDownLatch(1);
        scheduler.at(() ->
        {
            busy.countDown();
            try
            {
                held.release.await();
            }
            catch (final InterruptedException closing)
            {
                Thread.currentThread().interrupt();
            }
        }, 0);
        if (!busy.await(20, TimeUnit.SECONDS))
        {
            throw new AssertionError("the engine's thread did not take the hold within 20 s");
        }
        return held;
    }

    /** Let the engine's thread go on. */
    void release()
    {
        release.countDown();
    }
}
