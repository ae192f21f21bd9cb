package dev.sxs.journal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sxs.concurrent.SxsThreadFactory;

/**
 * One replay of a backend's event stream ({@link StreamCursor}) into a {@link ReplaySink}: the stream's
 * counterpart of {@link Replay}, with the same progress, sinks and failure rules (instant pace only).
 * <p>
 * Threading: {@link #run} in the caller's thread, {@link #start} on a new {@code sxs-replay-stream-N} thread;
 * {@link #progress()} may be polled and cancelled from any thread. A replay runs once and closes its cursor.
 * Failure: {@link #run} never throws; a stream that fails part-way or a failing sink ends it FAILED with a message.
 */
public final class StreamReplay
{
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final StreamCursor cursor;
    private final ReplayProgress progress = new ReplayProgress();
    private final JournalEntry entry = new JournalEntry();

    /**
     * @param cursor the opened stream read; the replay closes it.
     */
    public StreamReplay(final StreamCursor cursor)
    {
        this.cursor = cursor;
    }

    /** @return the live progress of this replay. */
    public ReplayProgress progress()
    {
        return progress;
    }

    /**
     * Run the replay to its end in this thread.
     *
     * @param sink where records go; {@link ReplaySink#finish()} is called at the end in every case.
     * @return the final progress.
     */
    public ReplayProgress run(final ReplaySink sink)
    {
        ReplayProgress.State end = ReplayProgress.State.DONE;
        String error = "";
        progress.start(cursor.total());
        try (cursor)
        {
            while (cursor.next(entry))
            {
                progress.recordRead(entry.index());
                deliver(sink);
                if (progress.cancelRequested() || Thread.currentThread().isInterrupted())
                {
                    end = ReplayProgress.State.CANCELLED;
                    break;
                }
            }
        }
        catch (final SinkFailure ex)
        {
            end = ReplayProgress.State.FAILED;
            error = "replay sink failed at sequence " + progress.lastIndex() + ": " + Replay.describe(ex.getCause());
        }
        catch (final RuntimeException ex)
        {
            end = ReplayProgress.State.FAILED;
            error = "replay of the event stream failed after sequence " + progress.lastIndex() + ": "
                + Replay.describe(ex);
        }
        finally
        {
            try
            {
                sink.finish();
            }
            catch (final RuntimeException ex)
            {
                if (end != ReplayProgress.State.FAILED)
                {
                    end = ReplayProgress.State.FAILED;
                    error = "replay sink failed to finish: " + Replay.describe(ex);
                }
            }
            progress.finish(end, error);
        }
        return progress;
    }

    /**
     * Run the replay on a new thread of {@code threads} named {@code sxs-replay-stream-N}.
     *
     * @param sink    where records go.
     * @param threads makes the replay thread.
     * @return completes with the final progress when the replay has stopped (never exceptionally).
     */
    public CompletableFuture<ReplayProgress> start(final ReplaySink sink, final SxsThreadFactory threads)
    {
        final CompletableFuture<ReplayProgress> done = new CompletableFuture<>();
        threads.newThread(() -> done.complete(run(sink)), "sxs-replay-stream-" + THREADS.incrementAndGet()).start();
        return done;
    }

    private void deliver(final ReplaySink sink)
    {
        try
        {
            sink.accept(entry);
        }
        catch (final RuntimeException ex)
        {
            throw new SinkFailure(ex);
        }
        progress.recordDelivered();
    }

    /** A sink's failure, told apart from the stream's. */
    private static final class SinkFailure extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        SinkFailure(final RuntimeException cause)
        {
            super(cause);
        }
    }
}
