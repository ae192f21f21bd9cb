package dev.sxs.nats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.kv.KvFullException;
import dev.sxs.kv.KvStore;
import dev.sxs.runtime.BackendOptions;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueOptions;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.impl.NatsKeyValueWatchSubscription;

/**
 * The sxs store on a JetStream key/value bucket ({@code backend=nats}), shared by every JVM that names the
 * bucket. Keys go through {@link KeyCodec}; values are the UTF-8 bytes of the canonical printed text.
 * <ul>
 *   <li>{@link #get}, {@link #containsKey}: the last entry of the key, read from the bucket's stream leader
 *   ({@link NatsBucket} turns off direct gets, which followers may answer stale), so every JVM reads the latest
 *   acknowledged write, its own included;</li>
 *   <li>{@link #put}: a write; {@link #putIfAbsent}: a create (a write at revision 0, or at the revision of the
 *   key's delete marker), one winner across JVMs;</li>
 *   <li>{@link #replace}: an update at the revision whose value equals the expected text, retried while the
 *   value read still equals it; {@link #remove}: a delete at the revision read, retried the same way;</li>
 *   <li>{@link #keys}: the local index {@link WatchedKeys}, fed by a watch of the bucket.</li>
 * </ul>
 * Threading: every method from any thread. Failure: a value over the servers' payload limit is a
 * {@link KvFullException} (value too large); a cluster that does not answer within {@code nats.timeoutMillis}, or
 * refuses, is a {@link NatsStoreException}.
 */
public final class NatsKvStore implements KvStore
{
    private final NatsConnector connector;
    private final BucketCalls calls;
    private final WatchedKeys index;
    private final NatsKeyValueWatchSubscription watch;
    private final String name;
    private volatile boolean closed;

    private NatsKvStore(final NatsConnector connector, final BucketCalls calls, final WatchedKeys index,
        final NatsKeyValueWatchSubscription watch, final String name)
    {
        this.connector = connector;
        this.calls = calls;
        this.index = index;
        this.watch = watch;
        this.name = name;
    }

    /**
     * Connect, create the bucket when missing, and fill the key index from a watch of the bucket.
     *
     * @param options the backend's settings.
     * @param threads sxs's thread factory.
     * @return the open store; closing it closes the connection.
     * @throws NatsStoreException when the cluster cannot be reached or the bucket cannot be made.
     */
    public static NatsKvStore open(final BackendOptions options, final SxsThreadFactory threads)
    {
        final NatsConnector connector = NatsConnector.connect(options, threads);
        try
        {
            NatsBucket.ensure(connector.connection(), options);
            final JetStreamOptions attempt = JetStreamOptions.builder()
                .requestTimeout(BucketCalls.attemptTimeout(options.timeoutMillis())).build();
            final Connection connection = connector.connection();
            final JetStreamManagement management = connection.jetStreamManagement(attempt);
            final BucketCalls calls = new BucketCalls(connection.jetStream(attempt), management, options.bucket(),
                options.timeoutMillis());
            final KeyValue bucket = connection.keyValue(options.bucket(), KeyValueOptions.builder()
                .jetStreamOptions(attempt).build());
            // asked before the watch starts: a key written meanwhile is one written after the open
            final boolean empty = management.getStreamInfo(NatsBucket.streamName(options.bucket())).getStreamState()
                .getMsgCount() == 0;
            final WatchedKeys index = new WatchedKeys(empty);
            final NatsKeyValueWatchSubscription watch = bucket.watchAll(index, KeyValueWatchOption.META_ONLY);
            if (!index.awaitLoaded(Math.max(options.timeoutMillis(), 30_000)))
            {
                throw new IOException("the bucket's keys did not arrive in time");
            }
            return new NatsKvStore(connector, calls, index, watch, options.bucket());
        }
        catch (final IOException | JetStreamApiException | RuntimeException ex)
        {
            connector.close();
            throw new NatsStoreException("nats: cannot open bucket '" + options.bucket() + "': " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            connector.close();
            throw new NatsStoreException("nats: interrupted while opening bucket '" + options.bucket() + "'", ex);
        }
    }

    @Override
    public String get(final String key)
    {
        final KeyValueEntry entry = present(KeyCodec.encode(key), "get", key);
        return entry == null ? null : text(entry);
    }

    @Override
    public void put(final String key, final String value)
    {
        try
        {
            index.apply(key, calls.write(KeyCodec.encode(key), bytes(value), -1), true);
        }
        catch (final IOException | JetStreamApiException | IllegalArgumentException ex)
        {
            throw failure("set", key, ex);
        }
    }

    @Override
    public boolean putIfAbsent(final String key, final String value)
    {
        final String k = KeyCodec.encode(key);
        final byte[] next = bytes(value);
        while (true)
        {
            try
            {
                final KeyValueEntry last = calls.last(k);
                if (last != null && last.getOperation() == KeyValueOperation.PUT)
                {
                    return false;
                }
                // create: at revision 0 for a new key, or at the delete marker's revision for a deleted one
                index.apply(key, calls.write(k, next, last == null ? 0 : last.getRevision()), true);
                return true;
            }
            catch (final JetStreamApiException ex)
            {
                if (!NatsBucket.wrongRevision(ex))
                {
                    throw failure("create", key, ex);
                }
                // another JVM wrote in between: look again
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw failure("create", key, ex);
            }
        }
    }

    @Override
    public boolean replace(final String key, final String expected, final String value)
    {
        final String k = KeyCodec.encode(key);
        final byte[] want = bytes(expected);
        final byte[] next = bytes(value);
        while (true)
        {
            final KeyValueEntry current = present(k, "update", key);
            if (current == null || !Arrays.equals(current.getValue(), want))
            {
                return false;
            }
            try
            {
                index.apply(key, calls.write(k, next, current.getRevision()), true);
                return true;
            }
            catch (final JetStreamApiException ex)
            {
                if (!NatsBucket.wrongRevision(ex))
                {
                    throw failure("update", key, ex);
                }
                // another JVM wrote in between: read again, and try again while the value still matches
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw failure("update", key, ex);
            }
        }
    }

    @Override
    public boolean remove(final String key)
    {
        final String k = KeyCodec.encode(key);
        while (true)
        {
            final KeyValueEntry current = present(k, "delete", key);
            if (current == null)
            {
                return false;
            }
            try
            {
                index.apply(key, calls.write(k, null, current.getRevision()), false);
                return true;
            }
            catch (final JetStreamApiException ex)
            {
                if (!NatsBucket.wrongRevision(ex))
                {
                    throw failure("delete", key, ex);
                }
            }
            catch (final IOException ex)
            {
                throw failure("delete", key, ex);
            }
        }
    }

    @Override
    public boolean containsKey(final String key)
    {
        return present(KeyCodec.encode(key), "get", key) != null;
    }

    @Override
    public List<String> keys(final String prefix, final long offset, final int limit)
    {
        return index.keys(prefix, offset, limit);
    }

    /** @return the keys present as the local index knows them. */
    @Override
    public long size()
    {
        return index.size();
    }

    /** @return no bound of sxs's own: the bucket's limits, if any, are the cluster's. */
    @Override
    public long capacity()
    {
        return Long.MAX_VALUE;
    }

    /** @return 0: nothing is mapped in this JVM. */
    @Override
    public long offHeapBytes()
    {
        return 0;
    }

    /** @return null: the store lives in the cluster. */
    @Override
    public Path file()
    {
        return null;
    }

    /** @return the bucket's name. */
    public String bucketName()
    {
        return name;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            watch.unsubscribe();
        }
        catch (final RuntimeException ignored)
        {
            // the connection is closing anyway
        }
        connector.close();
    }

    /** @return the key's last entry when it is a value (not a delete marker), else null. */
    private KeyValueEntry present(final String natsKey, final String operation, final String key)
    {
        try
        {
            final KeyValueEntry last = calls.last(natsKey);
            return last == null || last.getOperation() != KeyValueOperation.PUT ? null : last;
        }
        catch (final IOException | JetStreamApiException ex)
        {
            throw failure(operation, key, ex);
        }
    }

    private RuntimeException failure(final String operation, final String key, final Exception ex)
    {
        final String message = ex.getMessage() == null ? "" : ex.getMessage();
        if (ex instanceof IllegalArgumentException && message.contains("payload size"))
        {
            return KvFullException.valueTooLarge("value of '" + key + "' is larger than the NATS servers' "
                + "max_payload (" + connector.connection().getMaxPayload() + " bytes)", ex);
        }
        final String why = ex instanceof IOException ? "no answer from the NATS cluster (" + message + ")" : message;
        return new NatsStoreException("nats: " + operation + " of '" + key + "' failed: " + why, ex);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(final KeyValueEntry entry)
    {
        final byte[] value = entry.getValue();
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
}
