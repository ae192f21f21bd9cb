package dev.sxs.jmx.access;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.journal.Journal;
import dev.sxs.journal.JournalInfo;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.JournalRecord;
import dev.sxs.journal.Replay;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.ReplayTarget;
import dev.sxs.journal.RepublishSink;
import dev.sxs.journal.StreamReplay;
import dev.sxs.runtime.ValuePayloadCodec;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link JournalAccess} over the runtime's {@link Journal} and a {@link ReplayTarget} (the gateway's
 * {@code republish}). Metadata is read from the journal at most every {@link #DEFAULT_INFO_CACHE_NANOS}
 * (a JMX console reads many attributes at once). A replay runs on a daemon thread {@code sxs-replay-N},
 * re-publishing events, and scripts when asked, through the target ({@link RepublishSink} passes over
 * audit records). With a backend's shared event stream ({@code backend=nats}), a replay reads that stream instead,
 * its indexes being stream sequences. Thread-safe.
 */
public final class JournalView implements JournalAccess
{
    /** How long one metadata snapshot serves attribute reads. */
    public static final long DEFAULT_INFO_CACHE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Journal journal;
    private final ReplayTarget target;
    private final SxsThreadFactory threads;
    private final EventStreamSource stream;
    private JournalInfo info;
    private long infoTime;

    /**
     * @param journal the journal.
     * @param target  where replayed events are re-published.
     * @param threads makes the replay threads (the runtime's factory).
     */
    public JournalView(final Journal journal, final ReplayTarget target, final SxsThreadFactory threads)
    {
        this(journal, target, threads, null);
    }

    /**
     * @param journal the journal.
     * @param target  where replayed events are re-published.
     * @param threads makes the replay threads (the runtime's factory).
     * @param stream  the backend's shared event stream, which {@link #replay} reads instead of the journal (its
     *                indexes are then stream sequences); null for the embedded backend.
     */
    public JournalView(final Journal journal, final ReplayTarget target, final SxsThreadFactory threads,
        final EventStreamSource stream)
    {
        this.journal = journal;
        this.target = target;
        this.threads = threads;
        this.stream = stream;
    }

    private synchronized JournalInfo info()
    {
        final long now = System.nanoTime();
        if (info == null || now - infoTime > DEFAULT_INFO_CACHE_NANOS)
        {
            info = journal.isEnabled() ? journal.info() : JournalInfo.DISABLED;
            infoTime = now;
        }
        return info;
    }

    @Override
    public String folder()
    {
        return info().folder() == null ? "" : info().folder().toString();
    }

    @Override
    public long records()
    {
        return info().records();
    }

    @Override
    public long firstIndex()
    {
        return info().firstIndex();
    }

    @Override
    public long lastIndex()
    {
        return info().lastIndex();
    }

    @Override
    public long firstTimeNanos()
    {
        return info().firstTimeNanos();
    }

    @Override
    public long lastTimeNanos()
    {
        return info().lastTimeNanos();
    }

    @Override
    public long sizeOnDisk()
    {
        return info().sizeOnDisk();
    }

    @Override
    public ReplayStatus replay(final long fromIndex, final long toIndex, final Channel channel, final int topic,
        final boolean scripts)
    {
        final ReplayRequest request = ReplayRequest.ALL
            .withFromIndex(fromIndex)
            .withToIndex(toIndex == NO_INDEX ? Long.MAX_VALUE : toIndex)
            .withChannel(channel)
            .withTopic(topic);
        if (stream != null)
        {
            // scripts are not in the stream: the execution channel is not shared through it
            final StreamReplay replay = new StreamReplay(stream.open(request, null));
            final RepublishSink republish = new RepublishSink(ValuePayloadCodec.INSTANCE, target, scripts);
            return new Status(replay.progress(), republish, replay.start(republish, threads));
        }
        final JournalReader reader = reader("replay");
        final Replay replay = new Replay(reader, request);
        final RepublishSink republish = new RepublishSink(ValuePayloadCodec.INSTANCE, target, scripts);
        final CompletableFuture<ReplayProgress> ended = replay.start(republish, threads)
            .whenComplete((progress, failure) -> reader.close());
        return new Status(replay.progress(), republish, ended);
    }

    @Override
    public List<JournalRecord> tail(final int n)
    {
        if (!journal.isEnabled())
        {
            return List.of();
        }
        try (JournalReader reader = reader("tail"))
        {
            return reader.tail(n);
        }
    }

    private JournalReader reader(final String operation)
    {
        if (journal instanceof ChronicleJournal chronicle && chronicle.isEnabled())
        {
            return chronicle.newReader();
        }
        throw new IllegalStateException(operation + ": the journal is off (journal.enabled=false or no data folder)");
    }

    private static final class Status implements ReplayStatus
    {
        private final ReplayProgress progress;
        private final RepublishSink sink;
        private final CompletableFuture<ReplayProgress> ended;

        Status(final ReplayProgress progress, final RepublishSink sink, final CompletableFuture<ReplayProgress> ended)
        {
            this.progress = progress;
            this.sink = sink;
            this.ended = ended;
        }

        @Override
        public void whenEnded(final Runnable then)
        {
            ended.whenComplete((result, failure) -> then.run());
        }

        @Override
        public String state()
        {
            final ReplayProgress.State state = progress.state();
            return state == ReplayProgress.State.PENDING ? "RUNNING" : state.name();
        }

        @Override
        public long total()
        {
            return progress.total();
        }

        @Override
        public long read()
        {
            return progress.read();
        }

        @Override
        public long delivered()
        {
            return sink.published();
        }

        @Override
        public String error()
        {
            final String error = progress.error();
            return error.isEmpty() ? sink.firstProblem() : error;
        }
    }
}
