package dev.sxs.jmx.remote;

import dev.sxs.runtime.Config;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RemoteConnectorJaasTest
{
    @TempDir
    static Path dir;
    static String saved;

    @BeforeAll
    static void configureJaas() throws Exception
    {
        final Path jaas = dir.resolve("jaas.conf");
        Files.writeString(jaas, "SxsJmx {\n  " + TestLoginModule.class.getName() + " required;\n};\n");
        saved = System.setProperty("java.security.auth.login.config", jaas.toString());
        javax.security.auth.login.Configuration.setConfiguration(null);
    }

    @AfterAll
    static void restore()
    {
        if (saved == null)
        {
            System.clearProperty("java.security.auth.login.config");
        }
        else
        {
            System.setProperty("java.security.auth.login.config", saved);
        }
    }

    @Test
    void shouldAuthenticateWithJaasAndApplyTheAccessFile() throws Exception
    {
        final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
        final ObjectName probe = new ObjectName("dev.sxs:type=Probe");
        mbeans.registerMBean(new StandardMBean(new RemoteConnectorTest.Probe(), RemoteConnectorTest.ProbeMBean.class),
            probe);
        Files.writeString(dir.resolve("jmx.access"), "ops readwrite\n");
        final Config config = Config.defaults().with(Map.of(
            "jmx.port", Integer.toString(RemoteConnectorTest.freePort()),
            "jmx.login", "SxsJmx",
            "jmx.accessFile", dir.resolve("jmx.access").toString()));
        try (RemoteConnector connector = RemoteConnector.startIfConfigured(config, mbeans).orElseThrow())
        {
            try (JMXConnector client = JMXConnectorFactory.connect(connector.serviceUrl(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"ops", "jaas-pw"})))
            {
                assertEquals("stop", client.getMBeanServerConnection()
                    .invoke(probe, "stop", new Object[0], new String[0]));
            }
            assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(connector.serviceUrl(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"ops", "nope"})));
        }
    }
}
