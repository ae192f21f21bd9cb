package dev.sxs.journal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import dev.sxs.concurrent.SxsThreadFactory;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * One replay: reads the range of a {@link ReplayRequest} from a {@link JournalReader}, in journal order,
 * and hands the records that pass the filters to a {@link ReplaySink}, instantly or at the original pace.
 * <p>
 * Threading: {@link #run} runs in the caller's thread, {@link #start} on its own {@code sxs-replay-N}
 * daemon thread made by an {@link SxsThreadFactory}; {@link #progress()} may be polled and cancelled from
 * any thread. A replay runs once.
 * <p>
 * Failure: {@link #run} never throws; a corrupt record, a closed journal or a failing sink ends the replay
 * in {@link ReplayProgress.State#FAILED} with a message naming the index.
 * <p>
 * Allocation: none per record for filtered-out records; the sink gets a reused {@link JournalEntry}.
 */
public final class Replay
{
    /** Records between two calls of the progress listener, when none is given. */
    public static final long DEFAULT_PROGRESS_EVERY = 1L << 16;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final JournalReader reader;
    private final ReplayRequest request;
    private final ReplayProgress progress = new ReplayProgress();
    private final JournalEntry entry = new JournalEntry();
    private Consumer<ReplayProgress> listener;
    private long listenEvery = DEFAULT_PROGRESS_EVERY;
    private long paceStartTime = Long.MIN_VALUE;
    private long paceStartWall;

    /**
     * @param reader  the journal to read; not closed by the replay.
     * @param request what to replay.
     */
    public Replay(final JournalReader reader, final ReplayRequest request)
    {
        this.reader = reader;
        this.request = request;
    }

    /**
     * @param progressListener called from the replaying thread every {@code everyRecords} records read and
     *                         once at the end.
     * @param everyRecords     records between calls, at least 1.
     * @return this.
     */
    public Replay onProgress(final Consumer<ReplayProgress> progressListener, final long everyRecords)
    {
        this.listener = progressListener;
        this.listenEvery = Math.max(1, everyRecords);
        return this;
    }

    /**
     * @return the live progress of this replay.
     */
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
        try
        {
            end = replay(sink);
        }
        catch (final SinkFailure ex)
        {
            end = ReplayProgress.State.FAILED;
            error = "replay sink failed at index " + progress.lastIndex() + ": " + describe(ex.getCause());
        }
        catch (final RuntimeException ex)
        {
            end = ReplayProgress.State.FAILED;
            error = "replay of " + reader.folder() + " failed after index " + progress.lastIndex() + ": "
                + describe(ex);
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
                    error = "replay sink failed to finish: " + describe(ex);
                }
            }
            progress.finish(end, error);
            notifyListener();
        }
        return progress;
    }

    /**
     * Run the replay on a new daemon thread named {@code sxs-replay-N} of {@link SxsThreadFactory#create()};
     * poll or cancel it through {@link #progress()}.
     *
     * @param sink where records go.
     * @return completes with the final progress when the replay has stopped (never exceptionally).
     */
    public CompletableFuture<ReplayProgress> start(final ReplaySink sink)
    {
        return start(sink, SxsThreadFactory.create());
    }

    /**
     * Run the replay on a new thread of {@code threadFactory} named {@code sxs-replay-N}; poll or cancel it
     * through {@link #progress()}.
     *
     * @param sink          where records go.
     * @param threadFactory makes the replay thread (daemon, sxs's context class loader).
     * @return completes with the final progress when the replay has stopped (never exceptionally).
     */
    public CompletableFuture<ReplayProgress> start(final ReplaySink sink, final SxsThreadFactory threadFactory)
    {
        final CompletableFuture<ReplayProgress> done = new CompletableFuture<>();
        threadFactory.newThread(() -> done.complete(run(sink)), "sxs-replay-" + THREADS.incrementAndGet()).start();
        return done;
    }

    private ReplayProgress.State replay(final ReplaySink sink)
    {
        final JournalRange range = reader.range(request);
        if (range.isEmpty())
        {
            progress.start(0);
            return ReplayProgress.State.DONE;
        }
        try (ExcerptTailer tailer = reader.queue().createTailer())
        {
            if (!tailer.moveToIndex(range.firstIndex()))
            {
                progress.start(0);
                return ReplayProgress.State.DONE;
            }
            progress.start(range.records());
            return loop(tailer, range.lastIndex(), sink);
        }
    }

    private ReplayProgress.State loop(final ExcerptTailer tailer, final long endIndex, final ReplaySink sink)
    {
        while (true)
        {
            if (progress.cancelRequested() || Thread.currentThread().isInterrupted())
            {
                return ReplayProgress.State.CANCELLED;
            }
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return ReplayProgress.State.DONE;
                }
                final long index = dc.index();
                if (index > endIndex)
                {
                    return ReplayProgress.State.DONE;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                JournalFormat.readHeader(index, bytes, entry);
                progress.recordRead(index);
                if (request.accepts(entry.channel(), entry.topic()))
                {
                    JournalFormat.readBody(bytes, entry);
                    if (request.pace() == ReplayRequest.Pace.ORIGINAL && !awaitOriginalPace(entry.timestampNanos()))
                    {
                        return ReplayProgress.State.CANCELLED;
                    }
                    deliver(sink);
                }
            }
            if (listener != null && progress.read() % listenEvery == 0)
            {
                notifyListener();
            }
        }
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

    private boolean awaitOriginalPace(final long time)
    {
        if (paceStartTime == Long.MIN_VALUE)
        {
            paceStartTime = time;
            paceStartWall = System.nanoTime();
            return true;
        }
        final long due = paceStartWall + (long)((time - paceStartTime) / request.speed());
        long wait;
        while ((wait = due - System.nanoTime()) > 0)
        {
            if (progress.cancelRequested() || Thread.currentThread().isInterrupted())
            {
                return false;
            }
            LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
        }
        return true;
    }

    /**
     * @param failure a failure.
     * @return the messages along its causes for an operator (no class names), or the innermost class's simple
     *         name when none has a message.
     */
    static String describe(final Throwable failure)
    {
        final StringBuilder text = new StringBuilder();
        Throwable last = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause())
        {
            last = t;
            final String message = t.getMessage();
            // a wrapper's message is often its cause's toString(), class name first: the cause says it better
            if (message != null && !message.matches("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?::.*)?$")
                && text.indexOf(message) < 0)
            {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.length() == 0 ? last.getClass().getSimpleName() : text.toString();
    }

    private void notifyListener()
    {
        if (listener != null)
        {
            try
            {
                listener.accept(progress);
            }
            catch (final RuntimeException ex)
            {
                // a failing listener must not stop the replay
            }
        }
    }

    private static final class SinkFailure extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        SinkFailure(final RuntimeException cause)
        {
            super(cause);
        }
    }
}
