package dev.sxs.it.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote JMX users are the entities of their names, with both their role and their grants applying, over the
 * secured remote connector of a real host; then the host is killed ({@code kill -9}) and started again on the
 * same data folder, and the entities and grants are the same. One host JVM at a time.
 */
class EntitiesIT
{
    static final String S = String.class.getName();
    static final String[] ONE = {S};
    static final String[] TWO = {S, S};
    static final String[] THREE = {S, S, S};
    static final ObjectName RUNTIME = name("dev.sxs:type=Runtime");
    static final ObjectName STORE = name("dev.sxs:type=Store");
    static final ObjectName ENTITIES = name("dev.sxs:type=Entities");

    @TempDir
    Path dir;

    static ObjectName name(final String text)
    {
        try
        {
            return new ObjectName(text);
        }
        catch (final javax.management.MalformedObjectNameException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private AgentHost start(final int port) throws Exception
    {
        return AgentHost.start(dir, "data=" + dir.resolve("data") + ",jmx.port=" + port
            + ",jmx.passwordFile=" + dir.resolve("jmx.password") + ",jmx.accessFile=" + dir.resolve("jmx.access"));
    }

    private static void assertRefused(final String expected, final Executable call)
    {
        final Throwable thrown = assertThrows(Exception.class, call);
        final StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause())
        {
            messages.append(t.getMessage()).append(" | ");
        }
        assertTrue(messages.toString().contains(expected), messages.toString());
    }

    @Test
    void shouldRunRemoteUsersAsTheirEntitiesAndKeepEntitiesAfterKill9() throws Exception
    {
        Files.writeString(dir.resolve("jmx.password"), "admin s3cret\nshopa pa55\nviewer look\n");
        Files.writeString(dir.resolve("jmx.access"), "admin readwrite\nshopa readwrite\nviewer readonly\n");
        final String[] before;
        final int port = AgentHost.freePort();
        final AgentHost host = start(port);
        try
        {
            try (JMXConnector admin = host.connect(port, "admin", "s3cret"))
            {
                final MBeanServerConnection c = admin.getMBeanServerConnection();
                c.invoke(ENTITIES, "create", new Object[] {"shopa"}, ONE);
                c.invoke(ENTITIES, "grant", new Object[] {"shopa", "RW", "shopa:"}, THREE);
                c.invoke(ENTITIES, "grant", new Object[] {"shopa", "PS", "A:1-9"}, THREE);
                c.invoke(ENTITIES, "home", new Object[] {"shopa", "shopa:"}, TWO);
                c.invoke(ENTITIES, "create", new Object[] {"viewer"}, ONE);
                c.invoke(ENTITIES, "grant", new Object[] {"viewer", "R", "*"}, THREE);
                assertEquals("true", c.invoke(RUNTIME, "evalIn", new Object[] {"shopb:", "(core/kv/set secret 1)"},
                    TWO), "admin has no entity of its name: it runs as root");
                before = (String[])c.getAttribute(ENTITIES, "Entities");
            }
            try (JMXConnector shop = host.connect(port, "shopa", "pa55"))
            {
                final MBeanServerConnection c = shop.getMBeanServerConnection();
                assertEquals("true", c.invoke(RUNTIME, "eval", new Object[] {"(core/kv/set k 7)"}, ONE));
                assertEquals("@\"entity 'shopa' may not use scope ''\"",
                    c.invoke(RUNTIME, "evalIn", new Object[] {"", "(core/kv/get shopb:secret)"}, TWO));
                assertEquals("@\"entity 'shopa' may not publish on channel A topic 10\"",
                    c.invoke(RUNTIME, "eval", new Object[] {"(core/event/pub A 10 1)"}, ONE));
                assertRefused("entity 'shopa' may not read scope ''",
                    () -> c.invoke(STORE, "get", new Object[] {"shopb:secret"}, ONE));
                assertRefused("entity 'shopa' may not manage entities",
                    () -> c.invoke(ENTITIES, "create", new Object[] {"x"}, ONE));
            }
            try (JMXConnector viewer = host.connect(port, "viewer", "look"))
            {
                final MBeanServerConnection c = viewer.getMBeanServerConnection();
                assertEquals("7", c.invoke(STORE, "get", new Object[] {"shopa:k"}, ONE), "role and grant allow it");
                assertRefused("needs readwrite", () -> c.invoke(RUNTIME, "eval", new Object[] {"1"}, ONE));
            }
        }
        finally
        {
            host.kill();
        }
        final int second = AgentHost.freePort();
        try (AgentHost again = start(second); JMXConnector admin = again.connect(second, "admin", "s3cret");
            JMXConnector shop = again.connect(second, "shopa", "pa55"))
        {
            assertArrayEquals(before, (String[])admin.getMBeanServerConnection().getAttribute(ENTITIES, "Entities"));
            assertEquals("7", shop.getMBeanServerConnection().invoke(RUNTIME, "eval",
                new Object[] {"(core/kv/get k)"}, ONE));
        }
    }
}
