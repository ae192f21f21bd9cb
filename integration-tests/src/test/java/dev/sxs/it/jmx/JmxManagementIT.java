package dev.sxs.it.jmx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularType;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One host JVM with {@code -javaagent:sxs-agent.jar} and a remote JMX connector (password and access
 * files), driven over real RMI from this JVM: every MBean and attribute with its documented type,
 * eval/publish/set/replay, metrics moving, roles, refusal without credentials, audit in the journal.
 */
class JmxManagementIT
{
    static final String[] S = {String.class.getName()};
    static final String[] SS = {String.class.getName(), String.class.getName()};
    static final String[] PUBLISH = {int.class.getName(), String.class.getName()};
    static final String[] REPLAY = {long.class.getName(), long.class.getName(), String.class.getName(),
        int.class.getName()};
    static final List<String> CHANNELS = List.of("A", "B", "C", "D", "E", "F", "exec");

    @TempDir
    static Path dir;
    static int port;
    static AgentHost host;
    static JMXConnector admin;
    static MBeanServerConnection server;

    @BeforeAll
    static void startHost() throws Exception
    {
        Files.writeString(dir.resolve("jmx.password"), "admin s3cret\nviewer look\n");
        Files.writeString(dir.resolve("jmx.access"), "admin readwrite\nviewer readonly\n");
        port = AgentHost.freePort();
        host = AgentHost.start(dir, "data=" + dir.resolve("data") + ",jmx.port=" + port
            + ",jmx.passwordFile=" + dir.resolve("jmx.password") + ",jmx.accessFile=" + dir.resolve("jmx.access"));
        admin = host.connect(port, "admin", "s3cret");
        server = admin.getMBeanServerConnection();
    }

    @AfterAll
    static void stopHost() throws Exception
    {
        if (admin != null)
        {
            admin.close();
        }
        if (host != null)
        {
            host.close();
        }
    }

    @Test
    void shouldExposeEveryMBeanAndAttributeWithTheDocumentedTypes() throws Exception
    {
        final Map<String, Map<String, String>> expected = new TreeMap<>();
        expected.put("dev.sxs:type=Runtime", Map.of("Status", "String", "Version", "String", "Uptime", "long",
            "DataFolder", "String", "Configuration", "CompositeData"));
        for (final String c : CHANNELS)
        {
            expected.put("dev.sxs:type=Channel,name=" + c,
                Map.of("Name", "String", "Published", "long", "Delivered", "long",
                    "Discarded", "long", "HandlerErrors", "long", "Suppressed", "long", "Rejected", "long",
                    "TooDeep", "long", "QueueDepth", "long", "ActiveTopics", "TabularData"));
        }
        expected.put("dev.sxs:type=Store",
            Map.of("Entries", "long", "Capacity", "long", "OffHeapBytesUsed", "long", "OffHeapBytesMapped", "long",
                "File", "String"));
        final Map<String, String> journal = new TreeMap<>(Map.of("Folder", "String", "Records", "long", "FirstIndex",
            "long",
            "LastIndex", "long", "FirstTime", "String", "LastTime", "String", "SizeOnDisk", "long", "ReplayState",
                "String",
            "ReplayTotal", "long", "ReplayRead", "long"));
        journal.putAll(Map.of("ReplayDelivered", "long", "ReplayPercent", "double", "ReplayError", "String"));
        expected.put("dev.sxs:type=Journal", journal);
        expected.put("dev.sxs:type=Sessions", Map.of("Open", "int", "Sessions", "java.lang.String[]", "Handlers",
            "java.lang.String[]"));
        expected.put("dev.sxs:type=Entities", Map.of("Entities", "java.lang.String[]", "Denials", "long"));
        expected.put("dev.sxs:type=Tasks", Map.of("Counts", "java.lang.String[]"));
        // an agent has instrumentation, so it serves probes
        expected.put("dev.sxs:type=Probes", Map.of("Count", "int", "Probes", "java.lang.String[]", "Hits", "long",
            "Dropped", "long"));

        final Set<String> names = new TreeSet<>();
        for (final ObjectName n : server.queryNames(new ObjectName("dev.sxs:*"), null))
        {
            names.add(n.toString());
        }
        assertEquals(expected.keySet(), names);
        for (final Map.Entry<String, Map<String, String>> bean : expected.entrySet())
        {
            final ObjectName name = new ObjectName(bean.getKey());
            final Map<String, String> actual = new TreeMap<>();
            for (final MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes())
            {
                actual.put(a.getName(), type((OpenType<?>)a.getDescriptor().getFieldValue("openType")));
                assertTrue(a.getDescription().length() > 8, bean.getKey() + " " + a.getName() + " has a description");
                server.getAttribute(name, a.getName());
            }
            assertEquals(new TreeMap<>(bean.getValue()), actual, bean.getKey());
        }
        assertTrue(server.queryNames(new ObjectName("dev.sxs.metrics:*"), null).size() > 60);
        assertEquals(dir.resolve("data").toAbsolutePath().toString(),
            server.getAttribute(new ObjectName("dev.sxs:type=Runtime"), "DataFolder"));
    }

    @Test
    void shouldEvalPublishSetAndReplayAndMoveTheMetrics() throws Exception
    {
        final ObjectName runtime = new ObjectName("dev.sxs:type=Runtime");
        final ObjectName channelD = new ObjectName("dev.sxs:type=Channel,name=D");
        final ObjectName store = new ObjectName("dev.sxs:type=Store");
        final ObjectName journal = new ObjectName("dev.sxs:type=Journal");
        assertEquals("true", server.invoke(runtime, "eval",
            new Object[] {"(core/event/sub D 50 { (core/kv/incr seen) })"}, S));
        assertEquals(true, server.invoke(channelD, "publish", new Object[] {50, "\"one\""}, PUBLISH));
        assertEquals(true, server.invoke(channelD, "publish", new Object[] {50, "(two 2)"}, PUBLISH));
        awaitValue(store, "seen", "2");
        assertEquals(2L, server.getAttribute(channelD, "Published"));
        assertEquals(Map.of(50, 1).size(),
            ((javax.management.openmbean.TabularData)server.getAttribute(channelD, "ActiveTopics")).size());
        assertTrue(Arrays.equals(new int[] {50},
            (int[])server.invoke(channelD, "topics", new Object[0], new String[0])));

        assertEquals(true, server.invoke(store, "set", new Object[] {"user:1", "(order 7 \"EUR\" 12.5)"}, SS));
        assertEquals("(order 7 \"EUR\" 12.5)", server.invoke(store, "get", new Object[] {"user:1"}, S));
        assertEquals("1", server.invoke(runtime, "evalIn", new Object[] {"t:", "(core/kv/incr n)"}, SS));
        assertEquals("1", server.invoke(store, "get", new Object[] {"t:n"}, S));

        final String started = (String)server.invoke(journal, "replay", new Object[] {-1L, -1L, "D", 50}, REPLAY);
        assertTrue(started.startsWith("replay started"), started);
        awaitValue(store, "seen", "4");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"DONE".equals(server.getAttribute(journal, "ReplayState")) && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertEquals("DONE", server.getAttribute(journal, "ReplayState"));
        assertEquals(2L, server.getAttribute(journal, "ReplayDelivered"));

        // 2 live publications + 2 replayed ones
        assertEquals(4L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.D.published,type=meters"),
            "Count"));
        assertTrue((Long)server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.D.delivered,type=meters"),
            "Count") >= 4);
        assertTrue((Long)server.getAttribute(new ObjectName("dev.sxs.metrics:name=script.evaluations,type=meters"),
            "Count") >= 4);
        assertTrue((Long)server.getAttribute(new ObjectName("dev.sxs.metrics:name=store.writes,type=meters"),
            "Count") >= 5);
        assertTrue((Long)server.getAttribute(new ObjectName("dev.sxs.metrics:name=journal.appends,type=meters"),
            "Count") >= 2);
        assertTrue((Long)server.getAttribute(new ObjectName("dev.sxs.metrics:name=journal.sizeOnDisk,type=gauges"),
            "Value") > 0);
    }

    @Test
    void shouldRefuseClientsWithoutCredentialsOrWithAWrongPassword() throws Exception
    {
        final JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url));
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url,
            Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", "guess"})));
    }

    @Test
    void shouldLetReadOnlyReadAndDenyEachMutatingOperation() throws Exception
    {
        try (JMXConnector viewer = host.connect(port, "viewer", "look"))
        {
            final MBeanServerConnection c = viewer.getMBeanServerConnection();
            final ObjectName runtime = new ObjectName("dev.sxs:type=Runtime");
            final ObjectName store = new ObjectName("dev.sxs:type=Store");
            final ObjectName journal = new ObjectName("dev.sxs:type=Journal");
            final ObjectName channel = new ObjectName("dev.sxs:type=Channel,name=A");
            assertEquals("running", c.getAttribute(runtime, "Status"));
            c.invoke(store, "get", new Object[] {"user:1"}, S);
            c.invoke(store, "keys", new Object[] {"", 0L, 10},
                new String[] {String.class.getName(), long.class.getName(), int.class.getName()});
            c.invoke(channel, "topics", new Object[0], new String[0]);
            c.invoke(journal, "tail", new Object[] {3}, new String[] {int.class.getName()});
            denied(c, runtime, "eval", new Object[] {"(core/kv/set x 1)"}, S);
            denied(c, runtime, "evalIn", new Object[] {"s:", "(core/kv/set x 1)"}, SS);
            denied(c, runtime, "publish", new Object[] {"A", 1, "1"},
                new String[] {String.class.getName(), int.class.getName(), String.class.getName()});
            denied(c, runtime, "stop", new Object[] {"stop"}, S);
            denied(c, store, "set", new Object[] {"x", "1"}, SS);
            denied(c, store, "delete", new Object[] {"user:1"}, S);
            denied(c, channel, "publish", new Object[] {1, "1"}, PUBLISH);
            denied(c, journal, "replay", new Object[] {-1L, -1L, "", -1}, REPLAY);
        }
        assertEquals("running", server.getAttribute(new ObjectName("dev.sxs:type=Runtime"), "Status"));
        assertTrue(host.alive());
    }

    @Test
    void shouldWriteAuditRecordsToTheJournal() throws Exception
    {
        final ObjectName store = new ObjectName("dev.sxs:type=Store");
        assertEquals(true, server.invoke(store, "set", new Object[] {"audited", "42"}, SS));
        assertEquals(true, server.invoke(store, "delete", new Object[] {"audited"}, S));
        final javax.management.openmbean.CompositeData[] records = (javax.management.openmbean.CompositeData[])server
            .invoke(new ObjectName("dev.sxs:type=Journal"), "tail", new Object[] {2},
            new String[] {int.class.getName()});
        final String[] tail = Arrays.stream(records).map(r -> r.get("index") + " " + r.get("time") + " "
            + r.get("channel") + " " + r.get("topic") + " " + r.get("payload")).toArray(String[]::new);
        assertEquals(2, tail.length, Arrays.toString(tail));
        assertTrue(tail[0].matches("\\d+ \\S+ exec 65535 \\(audit \"admin\" \"Store.set\" \"audited 42\"\\)"), tail[0]);
        assertTrue(tail[1].matches("\\d+ \\S+ exec 65535 \\(audit \"admin\" \"Store.delete\" \"audited\"\\)"), tail[1]);
    }

    static void denied(final MBeanServerConnection c, final ObjectName name, final String op, final Object[] args,
        final String[] sig)
    {
        final SecurityException ex = assertThrows(SecurityException.class, () -> c.invoke(name, op, args, sig), op);
        assertEquals("access denied: user 'viewer' has role readonly; operation '" + op + "' on " + name
            + " needs readwrite", ex.getMessage());
    }

    static void awaitValue(final ObjectName store, final String key, final String value) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Object current = null;
        while (System.nanoTime() < deadline)
        {
            current = server.invoke(store, "get", new Object[] {key}, S);
            if (value.equals(current))
            {
                return;
            }
            Thread.sleep(20);
        }
        assertEquals(value, current, key);
    }

    static String type(final OpenType<?> type)
    {
        if (type instanceof TabularType)
        {
            return "TabularData";
        }
        if (type instanceof ArrayType<?> a)
        {
            return a.getElementOpenType().getClassName() + "[]";
        }
        return switch (type.getClassName())
        {
            case "java.lang.Long" -> "long";
            case "java.lang.Integer" -> "int";
            case "java.lang.Double" -> "double";
            default -> type.getClassName().substring(type.getClassName().lastIndexOf('.') + 1);
        };
    }
}
