package dev.sxs.kv;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.sxs.concurrent.SxsThreadFactory;

/**
 * The {@value WriteBehindKeyIndex#THREAD_NAME} thread of a {@link WriteBehindKeyIndex}: it first runs the index's
 * initial build (a no-op when the index was given complete), then applies the pending log
 * {@link WriteBehindKeyIndex#DEFAULT_BATCH} changes per hold of the apply lock (so a reader or a writer that needs
 * the lock waits for one batch at most) until the log is empty, then pauses as {@link IndexerPacing} says: until
 * the log holds a quarter of its capacity (the writer that reaches the mark unparks it) or an interval passed,
 * whichever is first, and after some intervals without a change until the next one. It never spins, and it wakes
 * as rarely as that because each wake-up costs a streaming writer.
 * <p>
 * Threading: {@link #start} once, by the index's constructor; {@link #close} from any thread. Allocation: none of
 * its own. Failure: a failed initial build is the build's to report (reads wait for it and throw); {@link #close}
 * waits for the thread even when interrupted, and keeps the interrupt.
 */
final class KeyIndexer
{
    private final PendingLog pending;
    private final IndexerPacing pacing;
    private final Consumer<BooleanSupplier> initialBuild;
    private final Thread thread;
    private final BooleanSupplier isClosing = () -> this.closing;
    private volatile boolean closing;

    /**
     * @param pending      the log to apply.
     * @param pacing       when to wake up; told of the thread here.
     * @param initialBuild runs the index's initial build, if any, given what says the index is closing.
     * @param threads      makes the thread (daemon, sxs's context class loader).
     */
    KeyIndexer(final PendingLog pending, final IndexerPacing pacing, final Consumer<BooleanSupplier> initialBuild,
        final SxsThreadFactory threads)
    {
        this.pending = pending;
        this.pacing = pacing;
        this.initialBuild = initialBuild;
        this.thread = threads.newThread(this::run, WriteBehindKeyIndex.THREAD_NAME);
        pacing.indexer(thread);
    }

    /** Start the thread. */
    void start()
    {
        thread.start();
    }

    /** @return the indexer thread (for tests). */
    Thread thread()
    {
        return thread;
    }

    /**
     * Stop the thread after it applied the log, join it, and apply whatever was recorded meanwhile.
     * Idempotent; waits for the thread even when interrupted (the interrupt is kept).
     */
    void close()
    {
        closing = true;
        pacing.release();
        boolean interrupted = false;
        while (thread.isAlive())
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        pending.applyAll();
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        initialBuild.accept(isClosing);
        while (!closing)
        {
            int applied = 0;
            int batch;
            do
            {
                batch = pending.applyBatch(false);
                applied += batch;
            }
            while (batch == WriteBehindKeyIndex.DEFAULT_BATCH && !closing);
            pacing.pause(applied, isClosing);
        }
        pending.applyAll();
    }
}
