package dev.sxs.jmx.remote;

import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;

import javax.management.MBeanServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The remote JMX connector of sxs: an RMI registry and connector server sharing one port
 * ({@code jmx.port}), bound to {@code jmx.host} (loopback by default), opened only when a port is
 * configured and only with authentication: a password file ({@code jmx.passwordFile}, the JDK's
 * format) or a JAAS login configuration entry ({@code jmx.login}). Roles come from
 * {@code jmx.accessFile} and are enforced per operation by {@link RoleCheckingForwarder}. With
 * {@code jmx.ssl=true} registry and connector speak TLS, with the key store of {@link TlsKeyStore}: named
 * in the properties file {@code jmx.sslConfigFile}, else by the standard
 * {@code javax.net.ssl.keyStore}/{@code keyStorePassword} system properties.
 * <p>
 * Clients connect to {@link #serviceUrl()} ({@code service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi}).
 * The RMI objects are exported as daemon objects, so an open connector never keeps the host JVM
 * alive. Threads are the JDK's RMI threads. {@link #close()} stops the connector and frees the port;
 * it is idempotent and thread-safe.
 */
public final class RemoteConnector implements AutoCloseable
{
    /** Name the connector stub is bound to in the registry. */
    public static final String REGISTRY_NAME = "jmxrmi";

    /** Message when a port is configured without any way to authenticate. */
    public static final String NO_CREDENTIALS =
        "remote JMX refused: jmx.port is set but neither jmx.passwordFile nor jmx.login (JAAS) is; "
        + "sxs never opens a JMX port without authentication";

    /** How long {@link #close()} waits for RMI's accept thread to let go of the port. */
    public static final long DEFAULT_CLOSE_TIMEOUT_MILLIS = 5000;

    private final RMIConnectorServer server;
    private final int port;
    private final Registry registry;
    private final JMXServiceURL serviceUrl;
    private boolean closed;

    private RemoteConnector(
        final RMIConnectorServer server, final int port, final Registry registry, final JMXServiceURL serviceUrl)
    {
        this.server = server;
        this.port = port;
        this.registry = registry;
        this.serviceUrl = serviceUrl;
    }

    /**
     * Start the remote connector when {@code jmx.port} is set; do nothing when it is 0 (the default).
     *
     * @param config the configuration.
     * @param mbeans the MBean server to expose (normally the platform MBean server).
     * @return the running connector, or empty when no port is configured.
     * @throws ConfigException when credentials are missing or a security file or key store is unusable.
     * @throws IOException     when the port cannot be opened.
     */
    public static Optional<RemoteConnector> startIfConfigured(final Config config, final MBeanServer mbeans)
        throws IOException
    {
        if (config.jmx().port() == 0)
        {
            return Optional.empty();
        }
        return Optional.of(start(config, mbeans));
    }

    /**
     * Check, without opening anything, that a configured remote connector has credentials: callers
     * run it before they start the runtime, so a refused configuration creates no data folder.
     * Nothing to check when {@code jmx.port} is 0.
     *
     * @param config the configuration.
     * @throws ConfigException when {@code jmx.port} is set without a password file or JAAS entry, or
     *                         the password file cannot be read.
     */
    public static void requireCredentials(final Config config)
    {
        if (config.jmx().port() == 0)
        {
            return;
        }
        final Path passwordFile = config.jmx().passwordFile();
        final String login = config.jmx().login();
        if (passwordFile == null && (login == null || login.isEmpty()))
        {
            throw new ConfigException(NO_CREDENTIALS);
        }
        if (passwordFile != null && !Files.isReadable(passwordFile))
        {
            throw new ConfigException("cannot read jmx.passwordFile '" + passwordFile + "'");
        }
        if (config.jmx().ssl())
        {
            TlsKeyStore.requireReadable(config.jmx().sslConfigFile());
        }
    }

    private static RemoteConnector start(final Config config, final MBeanServer mbeans) throws IOException
    {
        requireCredentials(config);
        final Path passwordFile = config.jmx().passwordFile();
        final String login = config.jmx().login();
        final AccessFile access = config.jmx().accessFile() == null
            ? AccessFile.readOnlyForAll() : AccessFile.read(config.jmx().accessFile());
        final InetAddress address = address(config.jmx().host());
        final int port = config.jmx().port();

        final Map<String, Object> env = new HashMap<>();
        if (passwordFile != null)
        {
            env.put("jmx.remote.x.password.file", passwordFile.toString());
        }
        else
        {
            env.put("jmx.remote.x.login.config", login);
        }
        env.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, String.class.getName() + ";!*");
        env.put("jmx.remote.x.daemon", "true");

        final RMIClientSocketFactory csf;
        final RMIServerSocketFactory ssf;
        if (config.jmx().ssl())
        {
            csf = new SslRMIClientSocketFactory();
            ssf = new BoundSslServerSocketFactory(address, TlsKeyStore.context(config.jmx().sslConfigFile()));
        }
        else
        {
            csf = null;
            ssf = new BoundServerSocketFactory(address);
        }
        if (!address.isAnyLocalAddress() && System.getProperty("java.rmi.server.hostname") == null)
        {
            // the stub must name the bound address, else clients dial an interface nobody listens on
            System.setProperty("java.rmi.server.hostname", address.getHostAddress());
        }
        System.setProperty("java.rmi.server.randomIDs", "true");

        final Registry registry = LocateRegistry.createRegistry(port, csf, ssf);
        try
        {
            final RMIJRMPServerImpl impl = new RMIJRMPServerImpl(port, csf, ssf, env);
            final JMXServiceURL url = new JMXServiceURL("rmi", address.getHostAddress(), port);
            final RMIConnectorServer server = new RMIConnectorServer(url, env, impl, mbeans);
            server.setMBeanServerForwarder(RoleCheckingForwarder.create(access));
            server.start();
            registry.rebind(REGISTRY_NAME, impl.toStub());
            final JMXServiceURL serviceUrl = new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://" + hostForUrl(address) + ":" + port + "/" + REGISTRY_NAME);
            return new RemoteConnector(server, port, registry, serviceUrl);
        }
        catch (final IOException | RuntimeException ex)
        {
            UnicastRemoteObject.unexportObject(registry, true);
            throw ex;
        }
    }

    /**
     * @return the address clients connect to.
     */
    public JMXServiceURL serviceUrl()
    {
        return serviceUrl;
    }

    /**
     * Stop accepting connections, close client connections and free the port. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            server.stop();
        }
        catch (final IOException ignored)
        {
            // the connector is going away either way
        }
        try
        {
            UnicastRemoteObject.unexportObject(registry, true);
        }
        catch (final NoSuchObjectException ignored)
        {
            // already gone
        }
        awaitAcceptThreadExit();
    }

    /**
     * RMI closes the listening socket asynchronously (its accept thread finishes the close); wait for
     * that thread so that nothing listens on the port when {@link #close()} returns.
     */
    private void awaitAcceptThreadExit()
    {
        final String name = "RMI TCP Accept-" + port;
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals(name))
            {
                try
                {
                    thread.join(DEFAULT_CLOSE_TIMEOUT_MILLIS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static InetAddress address(final String host)
    {
        try
        {
            return InetAddress.getByName(host);
        }
        catch (final UnknownHostException ex)
        {
            throw new ConfigException("bad value for 'jmx.host': '" + host + "' (unknown host)");
        }
    }

    private static String hostForUrl(final InetAddress address)
    {
        final String text = address.isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress().getHostAddress() : address.getHostAddress();
        return text.indexOf(':') >= 0 ? "[" + text + "]" : text;
    }
}
