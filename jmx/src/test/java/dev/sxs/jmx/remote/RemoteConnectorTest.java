package dev.sxs.jmx.remote;

import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteConnectorTest
{
    static final List<String> MUTATING = List.of("eval", "evalIn", "set", "delete", "publish", "replay", "stop");
    static final List<String> READING = List.of("get", "keys", "topics", "tail");

    @TempDir
    Path dir;
    MBeanServer mbeans;
    ObjectName probe;
    RemoteConnector connector;

    @BeforeEach
    void setUp() throws Exception
    {
        mbeans = MBeanServerFactory.newMBeanServer();
        probe = new ObjectName("dev.sxs:type=Probe");
        mbeans.registerMBean(new StandardMBean(new Probe(), ProbeMBean.class), probe);
        Files.writeString(dir.resolve("jmx.password"), "admin secret\nviewer look\nstranger who\n");
        Files.writeString(dir.resolve("jmx.access"), "# roles\nadmin readwrite\nviewer readonly create x.Y\n");
    }

    @AfterEach
    void tearDown()
    {
        if (connector != null)
        {
            connector.close();
        }
    }

    @Test
    void shouldOpenNoPortByDefault() throws Exception
    {
        assertEquals(Optional.empty(), RemoteConnector.startIfConfigured(Config.defaults(), mbeans));
    }

    @Test
    void shouldRefuseToStartWithoutCredentials() throws Exception
    {
        final Config config = Config.defaults().with(Map.of("jmx.port", Integer.toString(freePort())));
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> RemoteConnector.startIfConfigured(config, mbeans));
        assertEquals(RemoteConnector.NO_CREDENTIALS, ex.getMessage());
    }

    @Test
    void shouldRefuseAnUnreadablePasswordFile()
    {
        final Config config = Config.defaults().with(Map.of("jmx.port", Integer.toString(freePort()),
            "jmx.passwordFile", dir.resolve("missing").toString()));
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> RemoteConnector.startIfConfigured(config, mbeans));
        assertTrue(ex.getMessage().contains("cannot read jmx.passwordFile"), ex.getMessage());
    }

    @Test
    void shouldRefuseAMalformedAccessFile() throws Exception
    {
        Files.writeString(dir.resolve("jmx.access"), "admin readwrite\nviewer superuser\n");
        final ConfigException ex = assertThrows(ConfigException.class, () -> start(Map.of()));
        assertTrue(ex.getMessage().startsWith("bad line 2 in jmx.accessFile"), ex.getMessage());
    }

    @Test
    void shouldRejectAClientWithoutCredentials() throws Exception
    {
        start(Map.of());
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(connector.serviceUrl()));
    }

    @Test
    void shouldRejectAWrongPassword() throws Exception
    {
        start(Map.of());
        final SecurityException ex = assertThrows(SecurityException.class, () -> connect("admin", "guess"));
        assertTrue(ex.getMessage().contains("Invalid username or password"), ex.getMessage());
    }

    @Test
    void shouldLetReadOnlyReadButDenyEveryMutatingOperation() throws Exception
    {
        start(Map.of());
        try (JMXConnector client = connect("viewer", "look"))
        {
            final MBeanServerConnection c = client.getMBeanServerConnection();
            assertEquals("probe", c.getAttribute(probe, "Name"));
            assertTrue(c.queryNames(null, null).contains(probe));
            for (final String op : READING)
            {
                assertEquals(op, c.invoke(probe, op, new Object[0], new String[0]));
            }
            for (final String op : MUTATING)
            {
                final SecurityException ex = assertThrows(SecurityException.class,
                    () -> c.invoke(probe, op, new Object[0], new String[0]), op);
                assertEquals("access denied: user 'viewer' has role readonly; operation '" + op
                    + "' on dev.sxs:type=Probe needs readwrite", ex.getMessage());
            }
            assertThrows(SecurityException.class, () -> c.setAttribute(probe, new Attribute("Name", "x")));
            assertThrows(SecurityException.class, () -> c.unregisterMBean(probe));
        }
    }

    @Test
    void shouldLetReadWriteInvokeEveryOperation() throws Exception
    {
        start(Map.of());
        try (JMXConnector client = connect("admin", "secret"))
        {
            final MBeanServerConnection c = client.getMBeanServerConnection();
            for (final String op : MUTATING)
            {
                assertEquals(op, c.invoke(probe, op, new Object[0], new String[0]));
            }
            c.setAttribute(probe, new Attribute("Name", "renamed"));
            assertEquals("renamed", c.getAttribute(probe, "Name"));
        }
    }

    @Test
    void shouldDenyEveryoneCreatingMBeans() throws Exception
    {
        start(Map.of());
        try (JMXConnector client = connect("admin", "secret"))
        {
            final MBeanServerConnection c = client.getMBeanServerConnection();
            final SecurityException ex = assertThrows(SecurityException.class,
                () -> c.createMBean("javax.management.loading.MLet", new ObjectName("x:type=MLet")));
            assertEquals("access denied: createMBean is not allowed over remote JMX", ex.getMessage());
        }
    }

    @Test
    void shouldDenyAUserTheAccessFileDoesNotName() throws Exception
    {
        start(Map.of());
        try (JMXConnector client = connect("stranger", "who"))
        {
            final SecurityException ex = assertThrows(SecurityException.class,
                () -> client.getMBeanServerConnection().getAttribute(probe, "Name"));
            assertEquals("access denied: user 'stranger' has no role in the JMX access file", ex.getMessage());
        }
    }

    @Test
    void shouldMakeEveryoneReadOnlyWithoutAnAccessFile() throws Exception
    {
        final Map<String, String> settings = new HashMap<>(settings(Map.of()));
        settings.remove("jmx.accessFile");
        connector = RemoteConnector.startIfConfigured(Config.parse(settings), mbeans).orElseThrow();
        try (JMXConnector client = connect("admin", "secret"))
        {
            final MBeanServerConnection c = client.getMBeanServerConnection();
            assertEquals("get", c.invoke(probe, "get", new Object[0], new String[0]));
            assertThrows(SecurityException.class, () -> c.invoke(probe, "eval", new Object[0], new String[0]));
        }
    }

    @Test
    void shouldListenOnLoopbackOnlyAndStopListeningOnClose() throws Exception
    {
        start(Map.of());
        final int port = portOf(connector);
        assertTrue(connector.serviceUrl().toString().contains("//127.0.0.1:" + port + "/jmxrmi"));
        for (final NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces()))
        {
            for (final InetAddress a : Collections.list(nif.getInetAddresses()))
            {
                if (a instanceof Inet4Address && !a.isLoopbackAddress())
                {
                    assertThrows(IOException.class, () -> connectSocket(a, port), a.toString());
                }
            }
        }
        connectSocket(InetAddress.getLoopbackAddress(), port);
        connector.close();
        assertThrows(ConnectException.class, () -> connectSocket(InetAddress.getLoopbackAddress(), port));
    }

    @Test
    void shouldNotKeepTheJvmAliveWithNonDaemonRmiThreads() throws Exception
    {
        start(Map.of());
        try (JMXConnector client = connect("admin", "secret"))
        {
            client.getMBeanServerConnection().getMBeanCount();
            for (final Thread t : Thread.getAllStackTraces().keySet())
            {
                if (t.getName().startsWith("RMI"))
                {
                    assertTrue(t.isDaemon(), t.getName() + " is not a daemon thread");
                }
            }
        }
    }

    void start(final Map<String, String> extra) throws IOException
    {
        connector = RemoteConnector.startIfConfigured(Config.parse(settings(extra)), mbeans).orElseThrow();
    }

    Map<String, String> settings(final Map<String, String> extra)
    {
        final Map<String, String> settings = new HashMap<>();
        settings.put("jmx.port", Integer.toString(freePort()));
        settings.put("jmx.passwordFile", dir.resolve("jmx.password").toString());
        settings.put("jmx.accessFile", dir.resolve("jmx.access").toString());
        settings.putAll(extra);
        return settings;
    }

    JMXConnector connect(final String user, final String password) throws IOException
    {
        return JMXConnectorFactory.connect(connector.serviceUrl(),
            Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    static int portOf(final RemoteConnector connector)
    {
        final String url = connector.serviceUrl().toString();
        final int end = url.lastIndexOf('/');
        return Integer.parseInt(url.substring(url.lastIndexOf(':', end) + 1, end));
    }

    static void connectSocket(final InetAddress address, final int port) throws IOException
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Operations named like the sxs ones; each returns its own name. */
    public interface ProbeMBean
    {
        String getName();

        void setName(String name);

        String eval();

        String evalIn();

        String set();

        String delete();

        String publish();

        String replay();

        String stop();

        String get();

        String keys();

        String topics();

        String tail();
    }

    /** The probe. */
    public static final class Probe implements ProbeMBean
    {
        private volatile String name = "probe";

        @Override
        public String getName()
        {
            return name;
        }

        @Override
        public void setName(final String name)
        {
            this.name = name;
        }

        @Override
        public String eval()
        {
            return "eval";
        }

        @Override
        public String evalIn()
        {
            return "evalIn";
        }

        @Override
        public String set()
        {
            return "set";
        }

        @Override
        public String delete()
        {
            return "delete";
        }

        @Override
        public String publish()
        {
            return "publish";
        }

        @Override
        public String replay()
        {
            return "replay";
        }

        @Override
        public String stop()
        {
            return "stop";
        }

        @Override
        public String get()
        {
            return "get";
        }

        @Override
        public String keys()
        {
            return "keys";
        }

        @Override
        public String topics()
        {
            return "topics";
        }

        @Override
        public String tail()
        {
            return "tail";
        }
    }
}
