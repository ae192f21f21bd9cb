package dev.sxs.nats;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import dev.sxs.runtime.BackendOptions;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;

/**
 * Makes the store's bucket ready: creates it when missing (file storage, one value per key, {@code nats.replicas}
 * replicas) and turns off direct gets on its stream. A direct get may be answered by any replica, and a
 * follower can lag the leader, so a JVM could miss its own acknowledged write; with direct gets off every read
 * goes to the stream leader. Several JVMs may run this at once: creating an identical bucket is no error, an
 * existing bucket of another shape is used as it is. A cluster still electing its leaders is retried until the
 * deadline. Stateless.
 */
final class NatsBucket
{
    /** JetStream's "wrong last sequence": a create or update at a revision that is no longer the last. */
    static final int WRONG_LAST_SEQUENCE = 10071;
    /** JetStream's "stream name already in use with a different configuration". */
    static final int STREAM_NAME_IN_USE = 10058;
    private static final long RETRY_PAUSE_MILLIS = 200;
    private static final long LEAST_WAIT_MILLIS = 30_000;

    private NatsBucket()
    {
    }

    /**
     * @param ex a JetStream refusal.
     * @return true when it says the key's revision moved on (another writer won).
     */
    static boolean wrongRevision(final JetStreamApiException ex)
    {
        return ex.getApiErrorCode() == WRONG_LAST_SEQUENCE;
    }

    /**
     * @param connection a connection.
     * @param options    the backend's settings.
     * @throws IOException           when the cluster does not answer before the deadline.
     * @throws JetStreamApiException when it refuses for good.
     * @throws InterruptedException  when interrupted while waiting to retry.
     */
    static void ensure(final Connection connection, final BackendOptions options)
        throws IOException, JetStreamApiException, InterruptedException
    {
        final long deadline = System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(Math.max(options.timeoutMillis(), LEAST_WAIT_MILLIS));
        while (true)
        {
            try
            {
                create(connection, options);
                warnIfUnserialised(connection, options);
                return;
            }
            catch (final IOException | JetStreamApiException ex)
            {
                if (System.nanoTime() > deadline)
                {
                    throw ex;
                }
                // a cluster that has just started has no JetStream leader yet: ask again shortly
                TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
            }
        }
    }

    private static void create(final Connection connection, final BackendOptions options)
        throws IOException, JetStreamApiException
    {
        try
        {
            connection.keyValueManagement().create(KeyValueConfiguration.builder()
                .name(options.bucket())
                .storageType(StorageType.File)
                .maxHistoryPerKey(1)
                .replicas(options.replicas())
                .build());
        }
        catch (final JetStreamApiException ex)
        {
            if (ex.getApiErrorCode() != STREAM_NAME_IN_USE)
            {
                throw ex;
            }
        }
        final JetStreamManagement streams = connection.jetStreamManagement();
        final String stream = streamName(options.bucket());
        final StreamInfo info = streams.getStreamInfo(stream);
        if (info.getConfiguration().getAllowDirect())
        {
            streams.updateStream(StreamConfiguration.builder(info.getConfiguration()).allowDirect(false).build());
        }
    }

    /**
     * Warn once when the bucket is replicated on a server whose conditional writes are not serialised: before
     * nats-server 2.9.21 (nats-io/nats-server#4320), two writes to one key at the same expected revision could
     * both be accepted on a replicated stream, so {@code snx}, {@code cas} and {@code incr} could each have two
     * winners. Debian 12's package is 2.9.10.
     *
     * @param connection a connection.
     * @param options    the backend's settings.
     */
    static void warnIfUnserialised(final Connection connection, final BackendOptions options)
    {
        final String version = connection.getServerInfo().getVersion();
        if (options.replicas() > 1 && olderThan(version, 2, 9, 21))
        {
            dev.sxs.log.SxsWarnings.warn("nats-server " + version + " does not serialise conditional writes on a "
                + "replicated bucket (nats-io/nats-server#4320, fixed in 2.9.21): with nats.replicas="
                + options.replicas() + " snx, cas and incr may have two winners; upgrade the servers or use "
                + "nats.replicas=1");
        }
    }

    /**
     * @param version a server version, e.g. {@code 2.9.10}.
     * @param major   the major version to compare with.
     * @param minor   the minor version.
     * @param patch   the patch version.
     * @return true when {@code version} is older; false when it cannot be read.
     */
    static boolean olderThan(final String version, final int major, final int minor, final int patch)
    {
        final String[] parts = version.replaceFirst("^v", "").split("[.-]");
        try
        {
            final int[] want = {major, minor, patch};
            for (int i = 0; i < want.length && i < parts.length; i++)
            {
                final int have = Integer.parseInt(parts[i]);
                if (have != want[i])
                {
                    return have < want[i];
                }
            }
            return false;
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    /**
     * @param bucket a bucket name.
     * @return the name of the stream behind it.
     */
    static String streamName(final String bucket)
    {
        return "KV_" + bucket;
    }
}
