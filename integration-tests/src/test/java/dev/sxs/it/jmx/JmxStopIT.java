package dev.sxs.it.jmx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stop} over remote JMX: the caller gets its answer, then sxs closes its connector (the port
 * is free) and unloads, and the host keeps running.
 */
class JmxStopIT
{
    @TempDir
    Path dir;

    @Test
    void shouldAnswerStopThenCloseThePortAndKeepTheHostRunning() throws Exception
    {
        Files.writeString(dir.resolve("jmx.password"), "admin s3cret\n");
        Files.writeString(dir.resolve("jmx.access"), "admin readwrite\n");
        final int port = AgentHost.freePort();
        try (AgentHost host = AgentHost.start(dir, "jmx.port=" + port + ",jmx.passwordFile="
            + dir.resolve("jmx.password")
            + ",jmx.accessFile=" + dir.resolve("jmx.access")))
        {
            try (JMXConnector admin = host.connect(port, "admin", "s3cret"))
            {
                assertEquals("stopped", admin.getMBeanServerConnection()
                    .invoke(new ObjectName("dev.sxs:type=Runtime"), "stop",
                    new Object[] {"stop"}, new String[] {String.class.getName()}));
            }
            assertThrows(ConnectException.class, () -> JmxRefusalIT.connect(port));
            assertTrue(host.alive());
        }
    }
}
