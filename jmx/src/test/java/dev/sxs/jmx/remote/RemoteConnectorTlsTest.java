package dev.sxs.jmx.remote;

import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteConnectorTlsTest
{
    @TempDir
    static Path dir;
    static final Map<String, String> SAVED = new HashMap<>();

    @BeforeAll
    static void makeKeyStore() throws Exception
    {
        Files.writeString(dir.resolve("jmx.password"), "admin secret\n");
        Files.writeString(dir.resolve("jmx.access"), "admin readwrite\n");
        final Path keyStore = dir.resolve("server.p12");
        final Process keytool = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "sxs", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
            "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit")
            .redirectErrorStream(true).start();
        final String out = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), out);
        for (final String key : new String[] {"javax.net.ssl.keyStore", "javax.net.ssl.keyStorePassword",
            "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword"})
        {
            SAVED.put(key, System.getProperty(key));
            System.setProperty(key, key.endsWith("Password") ? "changeit" : keyStore.toString());
        }
    }

    @AfterAll
    static void restore()
    {
        SAVED.forEach((k, v) ->
        {
            if (v == null)
            {
                System.clearProperty(k);
            }
            else
            {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void shouldServeJmxOverTlsAndRefuseAPlainClient() throws Exception
    {
        final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
        final ObjectName probe = new ObjectName("dev.sxs:type=Probe");
        mbeans.registerMBean(new StandardMBean(new RemoteConnectorTest.Probe(), RemoteConnectorTest.ProbeMBean.class),
            probe);
        final Config config = Config.defaults().with(Map.of(
            "jmx.port", Integer.toString(RemoteConnectorTest.freePort()),
            "jmx.passwordFile", dir.resolve("jmx.password").toString(),
            "jmx.accessFile", dir.resolve("jmx.access").toString(),
            "jmx.ssl", "true"));
        try (RemoteConnector connector = RemoteConnector.startIfConfigured(config, mbeans).orElseThrow())
        {
            final Map<String, Object> env = new HashMap<>();
            env.put(JMXConnector.CREDENTIALS, new String[] {"admin", "secret"});
            env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
            try (JMXConnector client = JMXConnectorFactory.connect(connector.serviceUrl(), env))
            {
                assertEquals("eval", client.getMBeanServerConnection()
                    .invoke(probe, "eval", new Object[0], new String[0]));
            }
            assertThrows(IOException.class, () -> JMXConnectorFactory.connect(connector.serviceUrl(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", "secret"})));
        }
    }

    @Test
    void shouldTakeTheKeyStoreFromTheSslConfigFileSoNoPasswordIsOnTheCommandLine() throws Exception
    {
        final String store = System.clearProperty("javax.net.ssl.keyStore");
        final String password = System.clearProperty("javax.net.ssl.keyStorePassword");
        try
        {
            final Path tls = dir.resolve("jmx-ssl.properties");
            Files.writeString(tls, "javax.net.ssl.keyStore=" + store.replace("\\", "\\\\") + "\n"
                + "javax.net.ssl.keyStorePassword=changeit\njavax.net.ssl.keyStoreType=PKCS12\n");
            final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
            final ObjectName probe = new ObjectName("dev.sxs:type=Probe");
            mbeans.registerMBean(new StandardMBean(new RemoteConnectorTest.Probe(),
                RemoteConnectorTest.ProbeMBean.class), probe);
            final Config config = Config.defaults().with(Map.of(
                "jmx.port", Integer.toString(RemoteConnectorTest.freePort()),
                "jmx.passwordFile", dir.resolve("jmx.password").toString(),
                "jmx.ssl", "true",
                "jmx.sslConfigFile", tls.toString()));
            try (RemoteConnector connector = RemoteConnector.startIfConfigured(config, mbeans).orElseThrow())
            {
                final Map<String, Object> env = new HashMap<>();
                env.put(JMXConnector.CREDENTIALS, new String[] {"admin", "secret"});
                env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
                try (JMXConnector client = JMXConnectorFactory.connect(connector.serviceUrl(), env))
                {
                    assertEquals("get", client.getMBeanServerConnection()
                        .invoke(probe, "get", new Object[0], new String[0]));
                }
            }
            Files.writeString(tls, "javax.net.ssl.keyStorePassword=changeit\n");
            final ConfigException none = assertThrows(ConfigException.class,
                () -> RemoteConnector.startIfConfigured(config, MBeanServerFactory.newMBeanServer()));
            assertEquals("jmx.ssl=true needs a key store: jmx.sslConfigFile '" + tls + "' names no "
                + "javax.net.ssl.keyStore", none.getMessage());
            final Config missing = config.with(Map.of("jmx.sslConfigFile", dir.resolve("nope").toString()));
            final ConfigException unreadable = assertThrows(ConfigException.class,
                () -> RemoteConnector.requireCredentials(missing));
            assertEquals("cannot read jmx.sslConfigFile '" + dir.resolve("nope") + "'", unreadable.getMessage());
        }
        finally
        {
            System.setProperty("javax.net.ssl.keyStore", store);
            System.setProperty("javax.net.ssl.keyStorePassword", password);
        }
    }

    @Test
    void shouldRefuseTlsWithoutAKeyStore()
    {
        final String saved = System.clearProperty("javax.net.ssl.keyStore");
        try
        {
            final Config config = Config.defaults().with(Map.of(
                "jmx.port", Integer.toString(RemoteConnectorTest.freePort()),
                "jmx.passwordFile", dir.resolve("jmx.password").toString(),
                "jmx.ssl", "true"));
            final ConfigException ex = assertThrows(ConfigException.class,
                () -> RemoteConnector.startIfConfigured(config, MBeanServerFactory.newMBeanServer()));
            assertTrue(ex.getMessage().startsWith("jmx.ssl=true needs a key store"), ex.getMessage());
        }
        finally
        {
            System.setProperty("javax.net.ssl.keyStore", saved);
        }
    }
}
