package dev.sxs.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the store lives: the {@code backend} setting and the {@code nats.*} settings a distributed backend
 * reads (a {@link Backend} found by {@link #name()}). The defaults of those settings are the {@code DEFAULT_*}
 * constants here. Immutable; {@link #toString()} leaves the password and token out.
 *
 * @param name          {@value #CHRONICLE} (the embedded store, the default) or {@value #NATS}.
 * @param servers       NATS server URLs, e.g. {@code nats://10.0.0.1:4222}.
 * @param user          user name for user/password authentication, "" for none.
 * @param password      its password, "" for none.
 * @param token         token authentication, "" for none.
 * @param nkeyFile      file holding an NKey seed (user nkey authentication), or null.
 * @param credsFile     a NATS credentials file (JWT and NKey seed), or null.
 * @param tls           whether connections use TLS (the JDK's default SSL context, {@code javax.net.ssl.*}).
 * @param bucket        the JetStream key/value bucket that holds the store.
 * @param stream        the JetStream stream that keeps every JVM's events (the journal on NATS), "" for none.
 * @param replicas      replicas of the bucket when sxs creates it (3 on a 3-node cluster to survive a node).
 * @param timeoutMillis how long one operation may wait for the cluster before it fails.
 * @param queue         the work-queue stream of the cluster's execution channel ({@code core/exec/queue}), "" for
 *                      none.
 * @param queueAckWaitMillis how long a queued script may run unacknowledged before the cluster hands it to another
 *                      JVM.
 */
public record BackendOptions(String name, List<String> servers, String user, String password, String token,
    Path nkeyFile, Path credsFile, boolean tls, String bucket, String stream, int replicas, long timeoutMillis,
    String queue, long queueAckWaitMillis)
{
    /** The embedded backend: Chronicle Map in this JVM. */
    public static final String CHRONICLE = "chronicle";
    /** The NATS JetStream backend (module {@code sxs-nats}). */
    public static final String NATS = "nats";
    /** Every backend name the {@code backend} setting accepts. */
    public static final List<String> NAMES = List.of(CHRONICLE, NATS);
    /** The embedded store by default. */
    public static final String DEFAULT_NAME = CHRONICLE;
    /** A server on this machine by default. */
    public static final String DEFAULT_SERVERS = "nats://127.0.0.1:4222";
    /** The bucket's name by default. */
    public static final String DEFAULT_BUCKET = "sxs";
    /** The events' stream by default. */
    public static final String DEFAULT_STREAM = "sxs-events";
    /** The execution channel's work-queue stream by default. */
    public static final String DEFAULT_QUEUE = "sxs-exec";
    /** A queued script may run a minute unacknowledged by default. */
    public static final long DEFAULT_QUEUE_ACK_WAIT_MILLIS = 60_000;
    /** One replica by default (a single server); set 3 on a cluster. */
    public static final int DEFAULT_REPLICAS = 1;
    /** Operations wait at most this long for the cluster by default, ms. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5000;

    /** @return true for the embedded backend. */
    public boolean embedded()
    {
        return CHRONICLE.equals(name);
    }

    /**
     * @param text server URLs separated by commas, semicolons or blanks (agent arguments split on commas, so
     *             there a list is written with semicolons).
     * @return the URLs, none empty.
     */
    public static List<String> serverList(final String text)
    {
        return List.of(text.trim().split("[,;\\s]+"));
    }

    @Override
    public String toString()
    {
        return "BackendOptions[name=" + name + ", servers=" + servers + ", user=" + user
            + ", password=" + (password.isEmpty() ? "" : "***") + ", token=" + (token.isEmpty() ? "" : "***")
            + ", nkeyFile=" + nkeyFile + ", credsFile=" + credsFile + ", tls=" + tls + ", bucket=" + bucket
            + ", stream=" + stream + ", replicas=" + replicas + ", timeoutMillis=" + timeoutMillis + ", queue=" + queue
            + ", queueAckWaitMillis=" + queueAckWaitMillis + "]";
    }
}
