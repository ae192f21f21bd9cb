package dev.sxs.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.journal.PayloadCodec;
import dev.sxs.journal.ReplayTarget;
import dev.sxs.runtime.BackendOptions;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;

/**
 * The journal on NATS: a JetStream stream ({@code nats.stream}) on the subjects {@code sxs.>} keeps every event
 * every JVM's {@link NatsChannelBridge} sends, in the order the servers received them, with their stream sequence
 * and time. {@link #replay} reads it back from a sequence or a time, filtered by scope, channel and topic, into a
 * {@link ReplayTarget} (a runtime's {@code Dispatcher::publishReplay}: handlers run, nothing is sent or journaled
 * again). Stateless.
 */
public final class NatsEventStream
{
    private static final long LEAST_WAIT_MILLIS = 30_000;
    private static final long RETRY_PAUSE_MILLIS = 200;
    private static final Duration IDLE = Duration.ofSeconds(2);

    private NatsEventStream()
    {
    }

    /**
     * Where a replay starts and what it takes.
     *
     * @param fromSequence the first stream sequence to read (1 for all), used when {@code fromTime} is null.
     * @param fromTime     the earliest time to read from, or null.
     * @param scope        only events of this scope, or null for all.
     * @param channel      only events of this channel, or null for all.
     * @param topic        only events of this topic, or -1 for all.
     */
    public record Request(long fromSequence, Instant fromTime, String scope, Channel channel, int topic)
    {
        /** @return a request for every event from the stream's start. */
        public static Request all()
        {
            return new Request(1, null, null, null, -1);
        }
    }

    /**
     * Create the stream when missing (file storage, {@code nats.replicas}); a stream of that name that exists is
     * used as it is. A cluster still electing its leaders is retried until the deadline.
     *
     * @param connection a connection.
     * @param options    the backend's settings.
     * @throws NatsStoreException when the cluster refuses or does not answer in time.
     */
    static void ensure(final Connection connection, final BackendOptions options)
    {
        final long deadline = System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(Math.max(options.timeoutMillis(), LEAST_WAIT_MILLIS));
        while (true)
        {
            try
            {
                connection.jetStreamManagement().addStream(StreamConfiguration.builder()
                    .name(options.stream()).subjects(EventSubjects.ALL).storageType(StorageType.File)
                    .replicas(options.replicas()).build());
                return;
            }
            catch (final JetStreamApiException ex)
            {
                if (ex.getApiErrorCode() == NatsBucket.STREAM_NAME_IN_USE)
                {
                    return;
                }
                pauseOrFail(deadline, options, ex);
            }
            catch (final IOException ex)
            {
                pauseOrFail(deadline, options, ex);
            }
        }
    }

    private static void pauseOrFail(final long deadline, final BackendOptions options, final Exception ex)
    {
        if (System.nanoTime() > deadline)
        {
            throw new NatsStoreException("nats: cannot create stream '" + options.stream() + "': " + ex.getMessage(),
                ex);
        }
        try
        {
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
        }
        catch (final InterruptedException interrupted)
        {
            Thread.currentThread().interrupt();
            throw new NatsStoreException("nats: interrupted while creating stream '" + options.stream() + "'", ex);
        }
    }

    /**
     * Replay the stream into a target on the calling thread, through a connection of its own.
     *
     * @param options the backend's settings ({@code nats.stream} names the stream).
     * @param threads sxs's thread factory, for the connection's threads.
     * @param request where to start and what to take.
     * @param codec   the payload codec.
     * @param target  takes each event; its refusals are counted, not retried.
     * @return how many events the target accepted.
     * @throws NatsStoreException when the stream cannot be read.
     */
    public static long replay(final BackendOptions options, final SxsThreadFactory threads, final Request request,
        final PayloadCodec codec, final ReplayTarget target)
    {
        try (NatsConnector connector = NatsConnector.connect(options, threads))
        {
            return replay(connector.connection(), options.stream(), request, codec, target);
        }
        catch (final IOException | JetStreamApiException ex)
        {
            throw new NatsStoreException("nats: cannot replay stream '" + options.stream() + "': " + ex.getMessage(),
                ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new NatsStoreException("nats: replay of stream '" + options.stream() + "' interrupted", ex);
        }
    }

    private static long replay(final Connection connection, final String stream, final Request request,
        final PayloadCodec codec, final ReplayTarget target)
        throws IOException, JetStreamApiException, InterruptedException
    {
        final long last = connection.jetStreamManagement().getStreamInfo(stream).getStreamState().getLastSequence();
        if (last < Math.max(1, request.fromSequence()) && request.fromTime() == null)
        {
            return 0;
        }
        final String filter = EventSubjects.filter(request.scope(), request.channel(), request.topic());
        final ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder().filterSubject(filter);
        if (request.fromTime() != null)
        {
            consumer.deliverPolicy(DeliverPolicy.ByStartTime)
                .startTime(request.fromTime().atZone(ZoneOffset.UTC));
        }
        else
        {
            consumer.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(Math.max(1, request.fromSequence()));
        }
        final JetStreamSubscription subscription = connection.jetStream().subscribe(filter,
            PushSubscribeOptions.builder().stream(stream).ordered(true).configuration(consumer.build()).build());
        long accepted = 0;
        try
        {
            while (true)
            {
                final Message message = subscription.nextMessage(IDLE);
                if (message == null)
                {
                    return accepted; // nothing more matches
                }
                final NatsJetStreamMetaData meta = message.metaData();
                if (target.republish(event(message, meta, codec)) > 0)
                {
                    accepted++;
                }
                if (meta.pendingCount() == 0 || meta.streamSequence() >= last)
                {
                    return accepted;
                }
            }
        }
        finally
        {
            subscription.unsubscribe();
        }
    }

    private static Event event(final Message message, final NatsJetStreamMetaData meta, final PayloadCodec codec)
    {
        final EventSubjects.Address from = EventSubjects.parse(message.getSubject());
        final Headers headers = message.getHeaders();
        final String depth = headers == null ? null : headers.getFirst(NatsChannelBridge.DEPTH);
        final Instant time = meta.timestamp().toInstant();
        return new Event(meta.streamSequence(), TimeUnit.SECONDS.toNanos(time.getEpochSecond()) + time.getNano(),
            from.channel(), from.topic(), codec.decode(new String(message.getData(), StandardCharsets.UTF_8)),
            from.scope(), depth == null ? 0 : Integer.parseInt(depth));
    }
}
