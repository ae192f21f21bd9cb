package dev.sxs.nats;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.events.Event;
import dev.sxs.journal.EventStreamSource;
import dev.sxs.journal.JournalEntry;
import dev.sxs.journal.PayloadCodec;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.ReplayTarget;
import dev.sxs.runtime.BackendOptions;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

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
        ensure(connection, options, StreamConfiguration.builder().name(options.stream()).subjects(EventSubjects.ALL)
            .storageType(StorageType.File).replicas(options.replicas()).build());
    }

    /**
     * Create a stream when missing; a stream of that name that exists is used as it is. A cluster still electing
     * its leaders is retried until the deadline.
     *
     * @param connection a connection.
     * @param options    the backend's settings (the deadline).
     * @param stream     the stream to create.
     * @throws NatsStoreException when the cluster refuses or does not answer in time.
     */
    static void ensure(final Connection connection, final BackendOptions options, final StreamConfiguration stream)
    {
        final long deadline = System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(Math.max(options.timeoutMillis(), LEAST_WAIT_MILLIS));
        while (true)
        {
            try
            {
                connection.jetStreamManagement().addStream(stream);
                return;
            }
            catch (final JetStreamApiException ex)
            {
                if (ex.getApiErrorCode() == NatsBucket.STREAM_NAME_IN_USE)
                {
                    return;
                }
                pauseOrFail(deadline, stream.getName(), ex);
            }
            catch (final IOException ex)
            {
                pauseOrFail(deadline, stream.getName(), ex);
            }
        }
    }

    private static void pauseOrFail(final long deadline, final String stream, final Exception ex)
    {
        if (System.nanoTime() > deadline)
        {
            throw new NatsStoreException("nats: cannot create stream '" + stream + "': " + ex.getMessage(), ex);
        }
        try
        {
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
        }
        catch (final InterruptedException interrupted)
        {
            Thread.currentThread().interrupt();
            throw new NatsStoreException("nats: interrupted while creating stream '" + stream + "'", ex);
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
        ReplayRequest range = ReplayRequest.ALL.withFromIndex(Math.max(1, request.fromSequence()))
            .withChannel(request.channel()).withTopic(request.topic());
        if (request.fromTime() != null)
        {
            range = range.withSince(request.fromTime());
        }
        final JournalEntry entry = new JournalEntry();
        long accepted = 0;
        try (NatsStreamCursor cursor = NatsStreamCursor.open(options, threads, range, request.scope()))
        {
            while (cursor.next(entry))
            {
                final Event event = new Event(entry.sequence(), entry.timestampNanos(), entry.channel(), entry.topic(),
                    codec.decode(entry.payload().toString()), entry.origin().toString(), entry.depth());
                if (target.republish(event) > 0)
                {
                    accepted++;
                }
            }
        }
        return accepted;
    }

    /**
     * @param options the backend's settings.
     * @param threads sxs's thread factory, for the cursors' connections.
     * @return the stream as an {@link EventStreamSource}: each {@code open} connects and positions a cursor.
     */
    static EventStreamSource source(final BackendOptions options, final SxsThreadFactory threads)
    {
        return (request, scope) -> NatsStreamCursor.open(options, threads, request, scope);
    }
}
