package dev.sxs.it.jmx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host asking for a remote JMX port without credentials: sxs refuses with one clear line, opens no
 * port, and the host keeps running.
 */
class JmxRefusalIT
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseARemotePortWithoutCredentialsAndKeepTheHostRunning() throws Exception
    {
        final int port = AgentHost.freePort();
        try (AgentHost host = AgentHost.start(dir, "jmx.port=" + port))
        {
            final String stderr = host.awaitStderr("remote JMX refused");
            assertTrue(stderr.contains("[sxs] bad configuration: remote JMX refused: jmx.port is set but neither "
                + "jmx.passwordFile nor jmx.login (JAAS) is; sxs never opens a JMX port without authentication"),
                    stderr);
            assertThrows(ConnectException.class, () -> connect(port));
            assertTrue(host.alive());
        }
    }

    static void connect(final int port) throws IOException
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
    }
}
