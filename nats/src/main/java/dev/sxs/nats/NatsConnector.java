package dev.sxs.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.runtime.BackendOptions;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * One connection to the NATS cluster from the {@code nats.*} settings: servers, user/password, token, NKey seed
 * file or credentials file, TLS with the JDK's default SSL context. Every thread the client starts comes from
 * sxs's factory ({@code sxs-nats-*}), and the client logs nothing into the host (its error listener is
 * silent: failures reach sxs as exceptions of the calls). It reconnects for ever, waiting
 * {@value #RECONNECT_WAIT_MILLIS} ms between rounds. While disconnected, the store's connection refuses
 * every request at once (a write refused then is never sent later); the channels' connection buffers at most
 * {@value #RECONNECT_BUFFER_BYTES} bytes of events, and refuses beyond that.
 * <p>
 * Threading: the connection is thread-safe. {@link #close()} closes it and stops its threads, waiting up to
 * {@value #STOP_MILLIS} ms for them to end (every executor the client uses is sxs's, so none outlives it); idempotent.
 */
public final class NatsConnector implements AutoCloseable
{
    /** Pause between reconnect rounds, ms. */
    public static final long RECONNECT_WAIT_MILLIS = 250;
    /** Bytes of outgoing events the channels' connection keeps while disconnected. */
    public static final long RECONNECT_BUFFER_BYTES = 8L << 20;
    /** How long {@link #close()} waits for the client's threads to end, ms. */
    public static final long STOP_MILLIS = 2_000;

    private final Connection connection;
    private final List<ExecutorService> executors;

    private NatsConnector(final Connection connection, final List<ExecutorService> executors)
    {
        this.connection = connection;
        this.executors = executors;
    }

    /**
     * Connect.
     *
     * @param options the backend's settings.
     * @param threads sxs's thread factory.
     * @return the connected connector.
     * @throws NatsStoreException when no server answers within {@code nats.timeoutMillis} or credentials are refused.
     */
    public static NatsConnector connect(final BackendOptions options, final SxsThreadFactory threads)
    {
        return connect(options, threads, false, 0);
    }

    /**
     * Connect.
     *
     * @param options the backend's settings.
     * @param threads sxs's thread factory.
     * @param noEcho  true for the channels' connection: its subscriptions do not receive what it publishes itself,
     *                and its reader is an {@link InboundThread} ({@code sxs-nats-inbound}).
     * @param buffer  bytes of outgoing messages kept while disconnected; 0 refuses a publish at once then.
     * @return the connected connector.
     * @throws NatsStoreException when no server answers within {@code nats.timeoutMillis} or credentials are refused.
     */
    public static NatsConnector connect(final BackendOptions options, final SxsThreadFactory threads,
        final boolean noEcho, final long buffer)
    {
        final ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 500, TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(), threads.named("sxs-nats-"));
        final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, threads.named("sxs-nats-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        // caller-owned, unlike the client's own from a thread factory, so close() can wait for their threads
        final ExecutorService connects = Executors.newSingleThreadExecutor(threads.named("sxs-nats-connect-"));
        final ExecutorService callbacks = Executors.newSingleThreadExecutor(threads.named("sxs-nats-callback-"));
        // the channels connection's reader brings events into the dispatcher itself (NatsChannelBridge), as an
        // InboundThread; the store's reads its answers on the shared pool
        final ExecutorService reader = noEcho ? Executors.newSingleThreadExecutor(
            task -> threads.newThread("sxs-nats-inbound", name -> new InboundThread(task, name))) : executor;
        final List<ExecutorService> executors = List.of(executor, timer, connects, callbacks, reader);
        try
        {
            final Options.Builder builder = options(options, executor, timer).connectExecutor(connects)
                .callbackExecutor(callbacks).readerExecutor(reader).reconnectBufferSize(buffer);
            final Connection connection = Nats.connect((noEcho ? builder.noEcho() : builder).build());
            return new NatsConnector(connection, executors);
        }
        catch (final IOException | RuntimeException ex)
        {
            shutdown(executors);
            throw new NatsStoreException("nats: cannot connect to " + String.join(", ", options.servers()) + ": "
                + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            shutdown(executors);
            throw new NatsStoreException("nats: interrupted while connecting", ex);
        }
    }

    private static Options.Builder options(final BackendOptions settings, final ExecutorService executor,
        final ScheduledThreadPoolExecutor timer) throws IOException
    {
        final Options.Builder builder = new Options.Builder()
            .servers(settings.servers().toArray(String[]::new))
            .connectionName("sxs-" + ProcessHandle.current().pid())
            .connectionTimeout(Duration.ofMillis(settings.timeoutMillis()))
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(RECONNECT_WAIT_MILLIS))
            .executor(executor)
            .scheduledExecutor(timer)
            .errorListener(new ErrorListener()
            {
                // failures reach sxs as exceptions of its calls; nothing is written into the host's logs
            });
        if (!settings.user().isEmpty())
        {
            builder.userInfo(settings.user(), settings.password());
        }
        if (!settings.token().isEmpty())
        {
            builder.token(settings.token().toCharArray());
        }
        // signed with the JDK's Ed25519 (NKeyAuth), not jnats' NKey: the agent jar carries no Bouncy Castle
        if (settings.credsFile() != null)
        {
            builder.authHandler(auth(settings.credsFile(), true));
        }
        else if (settings.nkeyFile() != null)
        {
            builder.authHandler(auth(settings.nkeyFile(), false));
        }
        if (settings.tls())
        {
            try
            {
                builder.sslContext(SSLContext.getDefault());
            }
            catch (final NoSuchAlgorithmException ex)
            {
                throw new IOException("no default TLS context: " + ex.getMessage(), ex);
            }
        }
        return builder;
    }

    private static NKeyAuth auth(final Path file, final boolean creds) throws IOException
    {
        final String text = Files.readString(file, StandardCharsets.US_ASCII);
        try
        {
            return creds ? NKeyAuth.fromCreds(text) : NKeyAuth.fromSeed(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** @return the connection. */
    public Connection connection()
    {
        return connection;
    }

    @Override
    public void close()
    {
        try
        {
            connection.close();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            shutdown(executors);
        }
    }

    private static void shutdown(final List<ExecutorService> executors)
    {
        for (final ExecutorService e : executors)
        {
            e.shutdownNow();
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_MILLIS);
        try
        {
            for (final ExecutorService e : executors)
            {
                if (!e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))
                {
                    return; // a thread stuck in the client ends on its own; close() does not hang on it
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
