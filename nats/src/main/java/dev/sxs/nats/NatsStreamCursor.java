package dev.sxs.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.journal.JournalEntry;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.StreamCursor;
import dev.sxs.runtime.BackendOptions;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;

/**
 * A read of the events' stream ({@code nats.stream}) through a connection of its own and an ordered consumer
 * filtered on the subject of a scope, channel and topic ({@link EventSubjects#filter}), started at a sequence or a
 * time. It ends at the stream's last message when it was opened, at the request's {@code to} sequence or
 * {@code until} time, or when nothing comes for two seconds; a selection with nothing in it (a time after the last
 * event, a filter no event matches) ends at once, as the consumer's info says when it opens. The first message is
 * read when the cursor opens, so {@link #total()} knows how many the consumer had pending (an upper bound when
 * {@code to} or {@code until} cut the range short). Not thread-safe; {@link #close()} unsubscribes and closes the
 * connection.
 */
final class NatsStreamCursor implements StreamCursor
{
    /** How long a read waits for the next message before it ends. */
    static final Duration IDLE = Duration.ofSeconds(2);

    private final String stream;
    private final NatsConnector connector;
    private final JetStreamSubscription subscription;
    private final long lastSequence;
    private final long toSequence;
    private final long untilNanos;
    private Message pending;
    private long total;
    private boolean ended;

    private NatsStreamCursor(final String stream, final NatsConnector connector,
        final JetStreamSubscription subscription, final long lastSequence, final ReplayRequest request)
    {
        this.stream = stream;
        this.connector = connector;
        this.subscription = subscription;
        this.lastSequence = lastSequence;
        this.toSequence = request.toIndex();
        this.untilNanos = request.untilNanos();
        this.ended = subscription == null;
    }

    /**
     * @param options the backend's settings ({@code nats.stream} names the stream).
     * @param threads sxs's thread factory, for the connection's threads.
     * @param request the range (indexes are stream sequences) and the channel and topic filters.
     * @param scope   only events of this origin scope, or null for all.
     * @return the cursor at the first selected message.
     * @throws NatsStoreException when the stream cannot be reached or read.
     */
    static NatsStreamCursor open(final BackendOptions options, final SxsThreadFactory threads,
        final ReplayRequest request, final String scope)
    {
        final NatsConnector connector = NatsConnector.connect(options, threads);
        try
        {
            final long last = connector.connection().jetStreamManagement().getStreamInfo(options.stream())
                .getStreamState().getLastSequence();
            final long from = Math.max(1, request.fromIndex());
            final boolean byTime = request.sinceNanos() != Long.MIN_VALUE;
            if (last < from || request.toIndex() < from)
            {
                return new NatsStreamCursor(options.stream(), connector, null, last, request);
            }
            final String filter = EventSubjects.filter(scope, request.channel(), request.topic());
            final ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder().filterSubject(filter);
            if (byTime)
            {
                final Instant since = Instant.ofEpochSecond(0, Math.max(0, request.sinceNanos()));
                consumer.deliverPolicy(DeliverPolicy.ByStartTime).startTime(since.atZone(ZoneOffset.UTC));
            }
            else
            {
                consumer.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(from);
            }
            final JetStreamSubscription subscription = connector.connection().jetStream().subscribe(filter,
                PushSubscribeOptions.builder().stream(options.stream()).ordered(true)
                    .configuration(consumer.build()).build());
            final NatsStreamCursor cursor = new NatsStreamCursor(options.stream(), connector, subscription, last,
                request);
            cursor.first(from);
            return cursor;
        }
        catch (final IOException | JetStreamApiException | RuntimeException ex)
        {
            connector.close();
            throw new NatsStoreException("nats: cannot read stream '" + options.stream() + "': " + ex.getMessage(),
                ex);
        }
    }

    private void first(final long from) throws IOException, JetStreamApiException
    {
        final ConsumerInfo info = subscription.getConsumerInfo();
        if (info.getNumPending() == 0 && info.getDelivered().getConsumerSequence() == 0)
        {
            ended = true; // the server matched nothing from the start point: no need to wait for the idle end
            return;
        }
        Message message = receive();
        while (message != null && message.metaData().streamSequence() < from)
        {
            message = more(message.metaData()) ? receive() : null; // --since and --from together: the later wins
        }
        pending = message;
        total = message == null ? 0 : message.metaData().pendingCount() + 1;
        ended = message == null;
    }

    @Override
    public long total()
    {
        return total;
    }

    @Override
    public boolean next(final JournalEntry entry)
    {
        if (ended)
        {
            return false;
        }
        final Message message = pending != null ? pending : receive();
        pending = null;
        if (message == null)
        {
            ended = true;
            return false;
        }
        final NatsJetStreamMetaData meta = message.metaData();
        final Instant time = meta.timestamp().toInstant();
        final long nanos = TimeUnit.SECONDS.toNanos(time.getEpochSecond()) + time.getNano();
        if (meta.streamSequence() > toSequence || nanos > untilNanos)
        {
            ended = true;
            return false;
        }
        final EventSubjects.Address from = EventSubjects.parse(message.getSubject());
        final Headers headers = message.getHeaders();
        final String depth = headers == null ? null : headers.getFirst(NatsChannelBridge.DEPTH);
        entry.fill(meta.streamSequence(), meta.streamSequence(), nanos, from.channel(), from.topic(),
            depth == null ? 0 : Integer.parseInt(depth), new String(message.getData(), StandardCharsets.UTF_8),
            from.scope());
        ended = !more(meta);
        return true;
    }

    private boolean more(final NatsJetStreamMetaData meta)
    {
        return meta.pendingCount() > 0 && meta.streamSequence() < lastSequence;
    }

    private Message receive()
    {
        try
        {
            return subscription.nextMessage(IDLE);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new NatsStoreException("nats: read of stream '" + stream + "' interrupted", ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            if (subscription != null && connector.connection().getStatus() == Connection.Status.CONNECTED)
            {
                subscription.unsubscribe();
            }
        }
        catch (final IllegalStateException ex)
        {
            // already closed: the connection's close below releases it anyway
        }
        finally
        {
            connector.close();
        }
    }
}
