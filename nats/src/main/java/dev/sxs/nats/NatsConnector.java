package dev.sxs.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
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
 * Threading: the connection is thread-safe. {@link #close()} closes it and stops its threads; idempotent.
 */
public final class NatsConnector implements AutoCloseable
{
    /** Pause between reconnect rounds, ms. */
    public static final long RECONNECT_WAIT_MILLIS = 250;
    /** Bytes of outgoing events the channels' connection keeps while disconnected. */
    public static final long RECONNECT_BUFFER_BYTES = 8L << 20;

    private final Connection connection;
    private final ExecutorService executor;
    private final ScheduledThreadPoolExecutor timer;

    private NatsConnector(final Connection connection, final ExecutorService executor,
        final ScheduledThreadPoolExecutor timer)
    {
        this.connection = connection;
        this.executor = executor;
        this.timer = timer;
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
     * @param noEcho  true when the connection's subscriptions must not receive what it publishes itself.
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
        try
        {
            final Options.Builder builder = options(options, threads, executor, timer).reconnectBufferSize(buffer);
            final Connection connection = Nats.connect((noEcho ? builder.noEcho() : builder).build());
            return new NatsConnector(connection, executor, timer);
        }
        catch (final IOException | RuntimeException ex)
        {
            shutdown(executor, timer);
            throw new NatsStoreException("nats: cannot connect to " + String.join(", ", options.servers()) + ": "
                + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            shutdown(executor, timer);
            throw new NatsStoreException("nats: interrupted while connecting", ex);
        }
    }

    private static Options.Builder options(final BackendOptions settings, final SxsThreadFactory threads,
        final ExecutorService executor, final ScheduledThreadPoolExecutor timer) throws IOException
    {
        final Options.Builder builder = new Options.Builder()
            .servers(settings.servers().toArray(String[]::new))
            .connectionName("sxs-" + ProcessHandle.current().pid())
            .connectionTimeout(Duration.ofMillis(settings.timeoutMillis()))
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(RECONNECT_WAIT_MILLIS))
            .executor(executor)
            .scheduledExecutor(timer)
            .callbackThreadFactory(threads.named("sxs-nats-callback-"))
            .connectThreadFactory(threads.named("sxs-nats-connect-"))
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
            shutdown(executor, timer);
        }
    }

    private static void shutdown(final ExecutorService executor, final ScheduledThreadPoolExecutor timer)
    {
        timer.shutdownNow();
        executor.shutdownNow();
    }
}
