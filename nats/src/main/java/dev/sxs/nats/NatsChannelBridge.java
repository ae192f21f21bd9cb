package dev.sxs.nats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.EventJournal;
import dev.sxs.events.EventThread;
import dev.sxs.journal.PayloadCodec;
import dev.sxs.log.SxsWarnings;
import dev.sxs.runtime.BackendOptions;
import dev.sxs.runtime.ChannelBridge;
import dev.sxs.runtime.WorkQueue;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;

/**
 * Channels A..F across JVMs on core NATS subjects {@code sxs.<scope>.<channel>.<topic>} (the scope through
 * {@link KeyCodec}; the root scope is {@code =}). Out: the journal hook sends every event a local publisher made
 * (not the execution channel's scripts, not events that came in from NATS) before the local journal takes it, so
 * a publish that cannot be buffered (all servers down and {@link NatsConnector#RECONNECT_BUFFER_BYTES} full) is
 * refused like a failed journal append and reaches nobody. In: the client's reader of this connection
 * ({@code sxs-nats-inbound}, an {@link InboundThread}) publishes each event of the subscription {@code sxs.>} into
 * the local dispatcher as it arrives ({@link ReaderHook}: no hand-off to another thread), with its scope and
 * causal depth; {@code sxs-nats-channels} takes the events the reader queued instead (where the client has no
 * such hook, or while earlier ones still wait for it), in arrival order either way. So per publisher and topic
 * the order is the publish order, the depth limit holds
 * across JVMs, and awaiters here are answered by publications there. The connection has no echo: a JVM gets
 * its own events only from its own dispatcher.
 * The execution channel of the cluster, when {@code nats.queue} names a stream, is a {@link NatsWorkQueue} on the
 * same connection ({@link #workQueue()}).
 * <p>
 * Threading: the outbound hook runs under the dispatcher's publish lock; inbound events are published by the
 * client's reader, or by the pump for those the reader queued. Failure:
 * an event that does not read back is counted and warned about once, never thrown.
 */
public final class NatsChannelBridge implements ChannelBridge
{
    /** The header that carries an event's causal depth when above 0 (a message without it has depth 0). */
    static final String DEPTH = "Sxs-Depth";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FLUSH = Duration.ofSeconds(5);

    private final NatsConnector connector;
    private final PayloadCodec codec;
    private final SxsThreadFactory threads;
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final NatsWorkQueue queue;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong pumped = new AtomicLong();
    private volatile Thread pump;
    private volatile boolean onReader;
    private volatile Subscription subscription;
    private volatile boolean closed;

    private NatsChannelBridge(final NatsConnector connector, final PayloadCodec codec, final SxsThreadFactory threads,
        final NatsWorkQueue queue)
    {
        this.connector = connector;
        this.queue = queue;
        this.codec = codec;
        this.threads = threads;
    }

    /**
     * @param options the backend's settings.
     * @param threads sxs's thread factory.
     * @param codec   the payload codec.
     * @return the bridge, connected; {@link #start} brings events in.
     * @throws NatsStoreException when the cluster cannot be reached.
     */
    public static NatsChannelBridge open(final BackendOptions options, final SxsThreadFactory threads,
        final PayloadCodec codec)
    {
        final NatsConnector connector = NatsConnector.connect(options, threads, true,
            NatsConnector.RECONNECT_BUFFER_BYTES);
        try
        {
            if (!options.stream().isEmpty())
            {
                NatsEventStream.ensure(connector.connection(), options);
            }
            final NatsWorkQueue queue = options.queue().isEmpty() ? null
                : NatsWorkQueue.open(connector.connection(), options, threads);
            return new NatsChannelBridge(connector, codec, threads, queue);
        }
        catch (final RuntimeException ex)
        {
            connector.close();
            throw ex;
        }
    }

    @Override
    public EventJournal outbound(final EventJournal journal)
    {
        return event ->
        {
            if (event.channel() != Channel.EXEC && !(Thread.currentThread() instanceof InboundThread))
            {
                final String subject = EventSubjects.subject(event.origin(), event.channel(), event.topic());
                final byte[] data = codec.encode(event.payload()).getBytes(StandardCharsets.UTF_8);
                if (event.depth() == 0)
                {
                    // what a message without the header reads as: a plain PUB, no header for the receiver to parse
                    connector.connection().publish(subject, data);
                }
                else
                {
                    connector.connection().publish(subject,
                        new Headers().put(DEPTH, Integer.toString(event.depth())), data);
                }
                sent.increment();
            }
            return journal == null ? 0 : journal.append(event);
        };
    }

    @Override
    public void start(final Dispatcher dispatcher)
    {
        subscription = connector.connection().subscribe(EventSubjects.ALL);
        onReader = ReaderHook.install(subscription, message -> take(dispatcher, message));
        try
        {
            // the server knows the subscription once the flush returns: nothing published after start is missed
            connector.connection().flush(FLUSH);
        }
        catch (final TimeoutException | InterruptedException ex)
        {
            if (ex instanceof InterruptedException)
            {
                Thread.currentThread().interrupt();
            }
            SxsWarnings.warn("nats: the channel subscription was not confirmed in time; other JVMs' events may "
                + "arrive late", ex);
        }
        final Thread thread = threads.newThread("sxs-nats-channels",
            name -> new InboundThread(() -> pump(dispatcher), name));
        pump = thread;
        thread.start();
    }

    private void pump(final Dispatcher dispatcher)
    {
        final EventThread self = (EventThread)Thread.currentThread();
        while (!closed)
        {
            final Message message;
            try
            {
                message = subscription.nextMessage(POLL);
            }
            catch (final InterruptedException | IllegalStateException ex)
            {
                return; // closed
            }
            if (message != null)
            {
                deliver(dispatcher, self, message);
                pumped.incrementAndGet();
            }
        }
    }

    /**
     * On the client's reader (an {@link InboundThread}): publish an event into the dispatcher right there, unless
     * events wait for the pump (queued before, or refused here), whose order it must keep.
     *
     * @return true when taken; false to queue it for the pump.
     */
    private boolean take(final Dispatcher dispatcher, final Message message)
    {
        if (!(Thread.currentThread() instanceof InboundThread self) || closed
            || pumped.get() < queued.get() || subscription.getPendingMessageCount() > 0)
        {
            queued.incrementAndGet();
            return false;
        }
        try
        {
            deliver(dispatcher, self, message);
        }
        catch (final RuntimeException ex)
        {
            unreadable.increment(); // never into the client's reader: it would drop the connection
        }
        return true;
    }

    private void deliver(final Dispatcher dispatcher, final EventThread self, final Message message)
    {
        try
        {
            final EventSubjects.Address from = EventSubjects.parse(message.getSubject());
            final Headers headers = message.getHeaders();
            final String depth = headers == null ? null : headers.getFirst(DEPTH);
            final Object payload = codec.decode(new String(message.getData(), StandardCharsets.UTF_8));
            self.setPublishDepth(depth == null ? 0 : Integer.parseInt(depth));
            received.increment();
            dispatcher.publish(from.channel(), from.topic(), payload, from.scope());
        }
        catch (final IllegalArgumentException ex)
        {
            unreadable.increment();
            if (unreadable.sum() == 1)
            {
                SxsWarnings.warn("nats: an event on " + message.getSubject() + " does not read back; such events are "
                    + "counted and dropped", ex);
            }
        }
    }

    @Override
    public WorkQueue workQueue()
    {
        return queue;
    }

    /** @return true when other JVMs' events may enter the dispatcher on the client's reader ({@link ReaderHook}). */
    public boolean deliversOnReader()
    {
        return onReader;
    }

    /** @return events that entered the dispatcher on the client's reader (the others came through the pump). */
    public long takenOnReader()
    {
        return received.sum() - pumped.get();
    }

    /** @return events sent to other JVMs. */
    public long sent()
    {
        return sent.sum();
    }

    /** @return events received from other JVMs. */
    public long received()
    {
        return received.sum();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (queue != null)
        {
            queue.close(); // take no more scripts; acknowledge the ones that end in time
        }
        final Thread thread = pump;
        if (thread != null)
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(2));
                connector.connection().flush(FLUSH); // what this JVM published reaches the servers first
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            catch (final TimeoutException ex)
            {
                SxsWarnings.warn("nats: events published just before close may not have reached the servers", ex);
            }
        }
        connector.close();
    }
}
