package dev.sxs.runtime;

import java.nio.file.Path;

/**
 * The remote JMX settings the management layer ({@code dev.sxs.jmx}) reads from {@link Config}. The
 * defaults of the {@code jmx.*} settings are the {@code DEFAULT_*} constants here. Immutable.
 *
 * @param port         remote JMX port; 0 opens no port.
 * @param host         address the remote connector binds to.
 * @param passwordFile JMX password file, or null; required with a port unless a JAAS entry is named.
 * @param accessFile   JMX access file (roles readonly/readwrite), or null.
 * @param login        JAAS login configuration entry name, "" for none.
 * @param ssl          whether the remote connector uses TLS.
 * @param localReadOnly whether callers in the host JVM without JMX authentication (an in-process bridge such
 *                      as Jolokia) may only read ({@code jmx.local=readonly}).
 * @param sslConfigFile properties file with the TLS key store settings ({@code javax.net.ssl.keyStore},
 *                      {@code javax.net.ssl.keyStorePassword}, {@code javax.net.ssl.keyStoreType}), or null to
 *                      take them from the system properties of those names.
 */
public record JmxOptions(int port, String host, Path passwordFile, Path accessFile, String login, boolean ssl,
    boolean localReadOnly, Path sslConfigFile)
{
    /** No remote port by default. */
    public static final int DEFAULT_PORT = 0;
    /** The remote connector binds to loopback by default. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** No TLS by default. */
    public static final boolean DEFAULT_SSL = false;
    /** In-process callers may write by default, as before the setting existed. */
    public static final boolean DEFAULT_LOCAL_READ_ONLY = false;
    /** The {@code jmx.local} value that lets unauthenticated in-process callers only read. */
    public static final String LOCAL_READ_ONLY = "readonly";
    /** The {@code jmx.local} value that lets them read and write (the default). */
    public static final String LOCAL_READ_WRITE = "readwrite";

    /**
     * Options with the default {@code jmx.local}.
     *
     * @param port         remote JMX port; 0 opens no port.
     * @param host         address the remote connector binds to.
     * @param passwordFile JMX password file, or null.
     * @param accessFile   JMX access file, or null.
     * @param login        JAAS login configuration entry name, "" for none.
     * @param ssl          whether the remote connector uses TLS.
     */
    public JmxOptions(final int port, final String host, final Path passwordFile, final Path accessFile,
        final String login, final boolean ssl)
    {
        this(port, host, passwordFile, accessFile, login, ssl, DEFAULT_LOCAL_READ_ONLY, null);
    }
}
