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
 */
public record JmxOptions(int port, String host, Path passwordFile, Path accessFile, String login, boolean ssl)
{
    /** No remote port by default. */
    public static final int DEFAULT_PORT = 0;
    /** The remote connector binds to loopback by default. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** No TLS by default. */
    public static final boolean DEFAULT_SSL = false;
}
