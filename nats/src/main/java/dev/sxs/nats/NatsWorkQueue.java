package dev.sxs.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.log.SxsWarnings;
import dev.sxs.runtime.BackendOptions;
import dev.sxs.runtime.WorkQueue;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

/**
 * The execution channel of a cluster on a JetStream work-queue stream ({@code nats.queue}, subject
 * {@value #SUBJECT}{@code <queue>}): {@link #enqueue} stores a script (its scope and entity in headers); every JVM
 * pulls from one durable consumer ({@value #CONSUMER}, explicit acknowledgement, {@code nats.queueAckWaitMillis}),
 * so each script goes to one JVM, runs there and is acknowledged when its run has ended, which removes it from the
 * stream.
 * A script whose JVM died (or lost the cluster) before the acknowledgement is handed to another JVM once the
 * acknowledgement wait has passed: at least once, never lost. A script that runs longer than that wait is handed
 * out again too, so the wait must exceed the longest script.
 * <p>
 * Threading: {@link #enqueue} from any thread, on the channels' connection; one thread, {@code sxs-nats-queue},
 * pulls, and at most {@value #IN_FLIGHT} scripts of one JVM run at a time (on the runtime's processors); their
 * acknowledgements are sent from the processor that ran them.
 */
final class NatsWorkQueue implements WorkQueue
{
    /** The subjects of queued scripts: this and the queue's name (one queue's subjects overlap no other's). */
    static final String SUBJECT = "sxs-exec.";
    /** The durable consumer every JVM pulls from. */
    static final String CONSUMER = "sxs-runners";
    /** Scripts of one JVM taken and not yet acknowledged, at most. */
    static final int IN_FLIGHT = 4;
    private static final String SCOPE = "Sxs-Scope";
    private static final String ENTITY = "Sxs-Entity";
    private static final Duration POLL = Duration.ofMillis(500);

    private final Connection connection;
    private final BackendOptions options;
    private final SxsThreadFactory threads;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile JetStreamSubscription subscription;
    private volatile Thread puller;
    private volatile boolean closed;

    private NatsWorkQueue(final Connection connection, final BackendOptions options, final SxsThreadFactory threads)
    {
        this.connection = connection;
        this.options = options;
        this.threads = threads;
    }

    /**
     * Create the stream and the consumer when missing (the consumer's acknowledgement wait is updated to this
     * JVM's setting).
     *
     * @param connection the channels' connection; not closed by the queue.
     * @param options    the backend's settings.
     * @param threads    sxs's thread factory.
     * @return the queue; {@link #start} takes scripts.
     * @throws NatsStoreException when the cluster refuses or does not answer in time.
     */
    static NatsWorkQueue open(final Connection connection, final BackendOptions options,
        final SxsThreadFactory threads)
    {
        NatsEventStream.ensure(connection, options, StreamConfiguration.builder().name(options.queue())
            .subjects(SUBJECT + options.queue()).retentionPolicy(RetentionPolicy.WorkQueue)
            .storageType(StorageType.File).replicas(options.replicas()).build());
        try
        {
            connection.jetStreamManagement().addOrUpdateConsumer(options.queue(), ConsumerConfiguration.builder()
                .durable(CONSUMER).ackPolicy(AckPolicy.Explicit)
                .ackWait(Duration.ofMillis(options.queueAckWaitMillis())).build());
        }
        catch (final IOException | JetStreamApiException ex)
        {
            throw new NatsStoreException("nats: cannot create the consumer of queue '" + options.queue() + "': "
                + ex.getMessage(), ex);
        }
        return new NatsWorkQueue(connection, options, threads);
    }

    @Override
    public long enqueue(final String source, final String scope, final String entity)
    {
        final Headers headers = new Headers().put(SCOPE, KeyCodec.encode(scope)).put(ENTITY, KeyCodec.encode(entity));
        try
        {
            return connection.jetStream().publish(NatsMessage.builder().subject(SUBJECT + options.queue())
                .headers(headers).data(source.getBytes(StandardCharsets.UTF_8)).build(),
                PublishOptions.builder().expectedStream(options.queue())
                    .streamTimeout(Duration.ofMillis(options.timeoutMillis())).build()).getSeqno();
        }
        catch (final IOException | JetStreamApiException ex)
        {
            throw new NatsStoreException("nats: the cluster did not take the script into queue '" + options.queue()
                + "': " + ex.getMessage(), ex);
        }
    }

    @Override
    public void start(final Runner runner)
    {
        subscription = bind();
        final Thread thread = threads.newThread(() -> pull(runner), "sxs-nats-queue");
        puller = thread;
        thread.start();
    }

    private JetStreamSubscription bind()
    {
        try
        {
            return connection.jetStream().subscribe(null, PullSubscribeOptions.bind(options.queue(), CONSUMER));
        }
        catch (final IOException | JetStreamApiException ex)
        {
            throw new NatsStoreException("nats: cannot pull from queue '" + options.queue() + "': " + ex.getMessage(),
                ex);
        }
    }

    private void pull(final Runner runner)
    {
        boolean warned = false;
        while (!closed && connection.getStatus() != Connection.Status.CLOSED)
        {
            try
            {
                if (!slots.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS))
                {
                    continue; // every slot runs a script
                }
                final List<Message> taken = subscription.fetch(1, POLL);
                if (taken.isEmpty())
                {
                    slots.release();
                    continue;
                }
                run(runner, taken.get(0));
            }
            catch (final InterruptedException ex)
            {
                return; // closed
            }
            catch (final IllegalStateException | NatsStoreException ex)
            {
                slots.release();
                if (closed || connection.getStatus() == Connection.Status.CLOSED)
                {
                    return;
                }
                if (!warned)
                {
                    warned = true;
                    SxsWarnings.warn("nats: pulling from queue '" + options.queue() + "' failed; binding again", ex);
                }
                LockSupport.parkNanos(POLL.toNanos()); // the cluster is failing: try again at the poll's pace
                subscription = rebind();
            }
        }
    }

    private JetStreamSubscription rebind()
    {
        try
        {
            return bind();
        }
        catch (final NatsStoreException ex)
        {
            return subscription; // still failing: the next fetch says so
        }
    }

    private void run(final Runner runner, final Message message)
    {
        final Headers headers = message.getHeaders();
        final String scope = headers == null ? null : headers.getFirst(SCOPE);
        final String entity = headers == null ? null : headers.getFirst(ENTITY);
        if (scope == null || entity == null)
        {
            // not queued by sxs (no scope or entity to run it as): dropped, never run
            SxsWarnings.warn("nats: a message in queue '" + options.queue() + "' has no scope or entity; dropped");
            ack(message);
            return;
        }
        runner.run(new String(message.getData(), StandardCharsets.UTF_8), KeyCodec.decode(scope),
            KeyCodec.decode(entity))
            .whenComplete((result, failure) -> ack(message)); // its run ended: the stream drops it
    }

    private void ack(final Message message)
    {
        try
        {
            message.ack();
        }
        catch (final IllegalStateException ex)
        {
            // the connection closed first: the cluster hands the script out again after the ack wait
        }
        finally
        {
            slots.release();
        }
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final Thread thread = puller;
        if (thread == null)
        {
            return;
        }
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(2));
            // the scripts taken still run on the processors: acknowledge the ones that end in time
            if (slots.tryAcquire(IN_FLIGHT, options.timeoutMillis(), TimeUnit.MILLISECONDS))
            {
                slots.release(IN_FLIGHT);
            }
            subscription.unsubscribe();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final IllegalStateException ex)
        {
            // the connection closed already
        }
    }
}
