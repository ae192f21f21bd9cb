package dev.sxs.nats;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

/**
 * The bucket's reads and writes, each retried until one deadline while the cluster does not answer (a node
 * went down, a stream leader is being elected, the connection is reconnecting). Retrying a write is safe: each
 * carries a message id, so a retry of a write the cluster already stored is answered with the first
 * acknowledgement (JetStream's duplicate window), never stored twice nor refused as a stale revision.
 * <p>
 * The connection keeps no reconnect buffer, so a write refused while disconnected is never sent later; a write
 * whose answer timed out has an unknown outcome, as with any networked store.
 * <p>
 * Threading: any thread. Failure: {@link IOException} once the deadline passed; {@link JetStreamApiException}
 * for a refusal (a wrong revision, {@link NatsBucket#WRONG_LAST_SEQUENCE}, among them).
 */
final class BucketCalls
{
    private static final String OPERATION_HEADER = "KV-Operation";
    private static final String DELETE = "DEL";
    private static final int NO_MESSAGE_FOUND = 10037;
    private static final long RETRY_PAUSE_MILLIS = 50;

    private final JetStream streams;
    private final JetStreamManagement management;
    private final String stream;
    private final String subjectPrefix;
    private final long timeoutNanos;

    /**
     * @param streams       JetStream publishing, with a request timeout shorter than {@code timeoutMillis}.
     * @param management    JetStream management, for reads.
     * @param bucket        the bucket's name.
     * @param timeoutMillis how long one call may retry.
     */
    BucketCalls(final JetStream streams, final JetStreamManagement management, final String bucket,
        final long timeoutMillis)
    {
        this.streams = streams;
        this.management = management;
        this.stream = NatsBucket.streamName(bucket);
        this.subjectPrefix = "$KV." + bucket + ".";
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * @param timeoutMillis the whole budget of one call.
     * @return the time one attempt may wait, so a call gets several attempts.
     */
    static Duration attemptTimeout(final long timeoutMillis)
    {
        return Duration.ofMillis(Math.max(200, Math.min(2000, timeoutMillis / 3)));
    }

    /**
     * @param natsKey an encoded key.
     * @return its last entry, a delete marker included, or null when it never existed (or was purged).
     * @throws IOException           when the cluster did not answer before the deadline.
     * @throws JetStreamApiException when it refused.
     */
    KeyValueEntry last(final String natsKey) throws IOException, JetStreamApiException
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (true)
        {
            try
            {
                final MessageInfo info = management.getLastMessage(stream, subjectPrefix + natsKey);
                return info == null ? null : new KeyValueEntry(info);
            }
            catch (final JetStreamApiException ex)
            {
                if (ex.getApiErrorCode() == NO_MESSAGE_FOUND)
                {
                    return null;
                }
                throw ex;
            }
            catch (final IOException ex)
            {
                pauseOrThrow(deadline, ex);
            }
            catch (final IllegalStateException ex)
            {
                pauseOrThrow(deadline, disconnected(ex));
            }
        }
    }

    /**
     * Write a value, or a delete marker when {@code value} is null.
     *
     * @param natsKey  an encoded key.
     * @param value    the bytes, or null to delete.
     * @param expected the key's revision the write requires (0: the key must not exist), or -1 for none.
     * @return the revision written.
     * @throws IOException           when the cluster did not answer before the deadline.
     * @throws JetStreamApiException when it refused.
     */
    long write(final String natsKey, final byte[] value, final long expected) throws IOException, JetStreamApiException
    {
        final PublishOptions.Builder options = PublishOptions.builder().messageId(UUID.randomUUID().toString());
        if (expected >= 0)
        {
            options.expectedLastSubjectSequence(expected);
        }
        final PublishOptions publish = options.build();
        final long deadline = System.nanoTime() + timeoutNanos;
        while (true)
        {
            // a new message each attempt: publishing merges the options into the message's headers
            final NatsMessage.Builder message = NatsMessage.builder().subject(subjectPrefix + natsKey)
                .data(value == null ? new byte[0] : value);
            if (value == null)
            {
                message.headers(new Headers().put(OPERATION_HEADER, DELETE));
            }
            try
            {
                final PublishAck ack = streams.publish(message.build(), publish);
                return ack.getSeqno();
            }
            catch (final IOException ex)
            {
                pauseOrThrow(deadline, ex);
            }
            catch (final IllegalStateException ex)
            {
                pauseOrThrow(deadline, disconnected(ex));
            }
        }
    }

    /** The client refuses requests while disconnected (no reconnect buffer): nothing was sent. */
    private static IOException disconnected(final IllegalStateException ex)
    {
        return new IOException("not connected: " + ex.getMessage(), ex);
    }

    private static void pauseOrThrow(final long deadline, final IOException ex) throws IOException
    {
        if (System.nanoTime() > deadline)
        {
            throw ex;
        }
        try
        {
            // the cluster is electing a leader or the client reconnecting: ask again shortly
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
        }
        catch (final InterruptedException interrupted)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the NATS cluster", interrupted);
        }
    }
}
