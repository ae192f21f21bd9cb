package dev.sxs.jmx;

import dev.sxs.jmx.mbean.CallRunner;
import dev.sxs.jmx.metrics.SxsMetrics;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jmx.local=readonly}: in-process callers without JMX authentication may only read. */
class LocalReadOnlyTest
{
    static final String[] S = {String.class.getName()};
    static final String[] SS = {String.class.getName(), String.class.getName()};

    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final FakeParts fake = new FakeParts();
    final SxsManagement.Registration registration = SxsManagement.register(fake.parts(), new SxsMetrics(), server,
        CallRunner.DIRECT, ManagementOptions.of(Config.parse(Map.of("jmx.local", "readonly")).jmx()));

    @AfterEach
    void tearDown()
    {
        registration.close();
    }

    @Test
    void shouldParseTheSettingAndKeepTodaysBehaviourByDefault()
    {
        assertTrue(Config.parse(Map.of("jmx.local", "READONLY")).jmx().localReadOnly());
        assertEquals(false, Config.defaults().jmx().localReadOnly());
        assertEquals("readwrite", Config.defaults().asMap().get("jmx.local"));
        final ConfigException bad = assertThrows(ConfigException.class,
            () -> Config.parse(Map.of("jmx.local", "maybe")));
        assertTrue(bad.getMessage().contains("one of readwrite, readonly"), bad.getMessage());
    }

    @Test
    void shouldLetAnInProcessCallerReadButNotWrite() throws Exception
    {
        assertEquals("0.1.0-test", server.getAttribute(SxsManagement.RUNTIME, "Version"));
        assertEquals(null, server.invoke(SxsManagement.STORE, "get", new Object[] {"k"}, S));
        assertArrayEquals(new String[0], (String[])server.invoke(SxsManagement.STORE, "keys", new Object[] {"", 0L, 5},
            new String[] {String.class.getName(), long.class.getName(), int.class.getName()}));
        for (final Object[] call : List.<Object[]>of(
            new Object[] {SxsManagement.RUNTIME, "eval", new Object[] {"(core/kv/set k 1)"}, S},
            new Object[] {SxsManagement.RUNTIME, "stop", new Object[] {"stop"}, S},
            new Object[] {SxsManagement.STORE, "set", new Object[] {"k", "1"}, SS},
            new Object[] {SxsManagement.STORE, "delete", new Object[] {"k"}, S},
            new Object[] {SxsManagement.SESSIONS, "close", new Object[] {"s"}, S}))
        {
            final String operation = (String)call[1];
            final RuntimeMBeanException ex = assertThrows(RuntimeMBeanException.class,
                () -> server.invoke((ObjectName)call[0], operation, (Object[])call[2], (String[])call[3]));
            assertEquals(SecurityException.class, ex.getCause().getClass(), operation);
            assertEquals("access denied: jmx.local=readonly lets callers in this JVM without JMX authentication only "
                + "read; '" + operation + "' needs the sxs command line or an authenticated remote JMX user with "
                + "role readwrite", ex.getCause().getMessage());
            assertEquals(0, ex.getCause().getStackTrace().length);
        }
        assertEquals(List.of(), fake.evaluated);
        assertEquals(List.of(), fake.audit, "nothing ran, nothing audited");
        assertEquals(0, fake.stops.get());
    }

    @Test
    void shouldLetACallerOverAJmxConnectorWriteAsTheCliDoes() throws Exception
    {
        final JMXConnectorServer connector = JMXConnectorServerFactory.newJMXConnectorServer(
            new JMXServiceURL("service:jmx:rmi://127.0.0.1"), Map.of(), server);
        connector.start();
        try (JMXConnector client = JMXConnectorFactory.connect(connector.getAddress()))
        {
            final MBeanServerConnection remote = client.getMBeanServerConnection();
            assertEquals("true\n42", remote.invoke(SxsManagement.RUNTIME, "eval", new Object[] {"42"}, S));
            assertEquals(true, remote.invoke(SxsManagement.STORE, "set", new Object[] {"k", "1"}, SS));
        }
        finally
        {
            connector.stop();
        }
        assertEquals(List.of("|42"), fake.evaluated);
    }
}
