package dev.sxs.jmx;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.ChannelCounters;
import dev.sxs.jmx.remote.OperationPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SxsManagementTest
{
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final FakeParts fake = new FakeParts();
    final SxsManagement.Registration registration = SxsManagement.register(fake.parts(), server);

    @AfterEach
    void tearDown()
    {
        registration.close();
    }

    @Test
    void shouldRegisterEveryMBeanAndUnregisterThemAllOnClose() throws Exception
    {
        final Set<ObjectName> names = server.queryNames(new ObjectName("dev.sxs:*"), null);
        assertEquals(13, names.size(), names.toString());
        assertTrue(names.contains(SxsManagement.TASKS));
        assertTrue(names.contains(SxsManagement.RUNTIME));
        assertTrue(names.contains(SxsManagement.ENTITIES));
        assertTrue(names.contains(SxsManagement.SESSIONS));
        assertTrue(names.contains(SxsManagement.STORE));
        assertTrue(names.contains(SxsManagement.JOURNAL));
        for (final String c : List.of("A", "B", "C", "D", "E", "F", "exec"))
        {
            assertTrue(names.contains(new ObjectName("dev.sxs:type=Channel,name=" + c)), c);
        }
        registration.close();
        registration.close();
        assertEquals(Set.of(), server.queryNames(new ObjectName("dev.sxs:*"), null));
    }

    @Test
    void shouldRefuseASecondRegistrationAndLeaveNothingOfIt() throws Exception
    {
        registration.close();
        server.registerMBean(new javax.management.StandardMBean(new FakeJournalProbe(), FakeJournalProbeMBean.class),
            SxsManagement.JOURNAL);
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> SxsManagement.register(fake.parts(), server));
        assertEquals("dev.sxs:type=Journal is already registered (is another sxs runtime loaded in this JVM?)",
            ex.getMessage());
        assertEquals(Set.of(SxsManagement.JOURNAL), server.queryNames(new ObjectName("dev.sxs:*"), null));
    }

    @Test
    void shouldDescribeEveryMBeanAttributeOperationAndParameter() throws Exception
    {
        for (final ObjectName name : server.queryNames(new ObjectName("dev.sxs:*"), null))
        {
            final MBeanInfo info = server.getMBeanInfo(name);
            assertDescribed(info.getDescription(), name.toString());
            for (final MBeanAttributeInfo a : info.getAttributes())
            {
                assertDescribed(a.getDescription(), name + " " + a.getName());
                assertTrue(a.isReadable() && !a.isWritable(), name + " " + a.getName() + " is read-only");
                assertRenderable(a.getDescriptor().getFieldValue("openType"), name + " " + a.getName());
            }
            for (final MBeanOperationInfo op : info.getOperations())
            {
                assertDescribed(op.getDescription(), name + " " + op.getName());
                assertRenderable(op.getDescriptor().getFieldValue("openType"), name + " " + op.getName());
                final boolean read = OperationPolicy.isReadOperation(name, op.getName());
                assertEquals(read ? MBeanOperationInfo.INFO : MBeanOperationInfo.ACTION, op.getImpact(),
                    name + " " + op.getName() + " impact");
                for (final MBeanParameterInfo p : op.getSignature())
                {
                    assertFalse(p.getName().matches("p\\d+|arg\\d+"), name + " " + op.getName() + " parameter "
                        + p.getName());
                    assertDescribed(p.getDescription(), name + " " + op.getName() + " " + p.getName());
                }
            }
        }
    }

    @Test
    void shouldEvaluateScriptsAndAuditThem() throws Exception
    {
        assertEquals("true\n42", server.invoke(SxsManagement.RUNTIME, "eval",
            new Object[] {"(core/kv/set a 1) 42"}, new String[] {String.class.getName()}));
        assertEquals("true\n42", server.invoke(SxsManagement.RUNTIME, "evalIn",
            new Object[] {"task:1:", "(core/kv/get a)"},
                new String[] {String.class.getName(), String.class.getName()}));
        assertEquals(List.of("|(core/kv/set a 1) 42", "task:1:|(core/kv/get a)"), fake.evaluated);
        assertEquals(List.of("local Runtime.eval (core/kv/set a 1) 42",
            "local Runtime.evalIn scope=task:1: (core/kv/get a)"), fake.audit);
    }

    @Test
    void shouldEvaluateInANamedSessionAsTheCliAndListAndCloseSessions() throws Exception
    {
        final String s = String.class.getName();
        final String[] signature = {s, boolean.class.getName(), s, s, s};
        final String sub = "(core/event/sub A 7 { (core/kv/incr n) })";
        assertEquals("true\n42", server.invoke(SxsManagement.RUNTIME, "evalSession",
            new Object[] {"setup", true, null, sub, "cli"}, signature));
        assertEquals("evalSession: replace needs a session name", JmxFailures.messageOf(() ->
            server.invoke(SxsManagement.RUNTIME, "evalSession", new Object[] {"", true, null, "1", "cli"}, signature)));
        assertEquals(List.of("|" + sub), fake.evaluated);
        assertArrayEquals(new String[] {"1 setup cli:local root \"\" 1"},
            (String[])server.getAttribute(SxsManagement.SESSIONS, "Sessions"));
        assertArrayEquals(new String[] {"1 A 7 cli { (core/kv/incr n) }"},
            (String[])server.getAttribute(SxsManagement.SESSIONS, "Handlers"));
        assertEquals(1, server.getAttribute(SxsManagement.SESSIONS, "Open"));
        assertEquals("closed session 1 (setup): 1 handler removed",
            server.invoke(SxsManagement.SESSIONS, "close", new Object[] {"setup"}, new String[] {s}));
        assertEquals(List.of("local Runtime.evalSession session=setup replace " + sub, "local Sessions.close setup"),
            fake.audit);
    }

    @Test
    void shouldShowRuntimeAttributes() throws Exception
    {
        assertEquals("0.1.0-test", server.getAttribute(SxsManagement.RUNTIME, "Version"));
        assertTrue((Long)server.getAttribute(SxsManagement.RUNTIME, "Uptime") >= 1000);
        assertEquals("/tmp/sxs-data", server.getAttribute(SxsManagement.RUNTIME, "DataFolder"));
        final CompositeData config = (CompositeData)server.getAttribute(SxsManagement.RUNTIME, "Configuration");
        assertEquals(Set.of("data", "scope"), config.getCompositeType().keySet());
        assertEquals("/tmp/sxs-data", config.get("data"));
        assertEquals("", config.get("scope"));
        assertEquals(dev.sxs.runtime.Settings.DATA.description(), config.getCompositeType().getDescription("data"));
        final CompositeData again = (CompositeData)server.getAttributes(SxsManagement.RUNTIME,
            new String[] {"Version", "Configuration"}).asList().get(1).getValue();
        assertEquals(config, again);
        final javax.management.MBeanAttributeInfo info = java.util.Arrays.stream(
            server.getMBeanInfo(SxsManagement.RUNTIME).getAttributes())
            .filter(a -> a.getName().equals("Configuration")).findFirst().orElseThrow();
        assertEquals(config.getCompositeType(), info.getDescriptor().getFieldValue("openType"));
        assertEquals("javax.management.openmbean.CompositeData", info.getType());
    }

    @Test
    void shouldStopOnlyWhenConfirmedAndAuditIt() throws Exception
    {
        final String[] sig = {String.class.getName()};
        for (final String wrong : new String[] {"", "yes", "STOP", null})
        {
            assertTrue(invokeError(SxsManagement.RUNTIME, "stop", new Object[] {wrong}, sig)
                .startsWith("stop: not confirmed: give confirm=stop to stop sxs"), wrong);
        }
        assertEquals(0, fake.stops.get(), "nothing stopped");
        assertEquals(List.of(), fake.audit);
        assertEquals("stopped", server.invoke(SxsManagement.RUNTIME, "stop", new Object[] {"stop"}, sig));
        assertEquals(1, fake.stops.get());
        assertEquals(List.of("local Runtime.stop "), fake.audit);
    }

    @Test
    void shouldShowChannelCountersAndTopics() throws Exception
    {
        fake.counters.put(Channel.B, new ChannelCounters(10, 9, 1, 2, 3, 4, 5, 6, 8));
        fake.topics.put(Channel.B, Map.of(50, 2, 7, 1));
        final ObjectName b = SxsManagement.channel(Channel.B);
        assertEquals("B", server.getAttribute(b, "Name"));
        assertEquals(10L, server.getAttribute(b, "Published"));
        assertEquals(9L, server.getAttribute(b, "Delivered"));
        assertEquals(1L, server.getAttribute(b, "Discarded"));
        assertEquals(2L, server.getAttribute(b, "HandlerErrors"));
        assertEquals(3L, server.getAttribute(b, "Suppressed"));
        assertEquals(4L, server.getAttribute(b, "Rejected"));
        assertEquals(5L, server.getAttribute(b, "QueueDepth"));
        assertEquals(8L, server.getAttribute(b, "TooDeep"));
        final TabularData active = (TabularData)server.getAttribute(b, "ActiveTopics");
        assertEquals(2, active.size());
        assertEquals(2, active.get(new Object[] {50}).get("value"));
        assertArrayEquals(new int[] {7, 50}, (int[])server.invoke(b, "topics", new Object[0], new String[0]));
        assertEquals("exec", server.getAttribute(SxsManagement.channel(Channel.EXEC), "Name"));
    }

    @Test
    void shouldPublishAndAuditAndRejectBadInputPrecisely() throws Exception
    {
        final ObjectName a = SxsManagement.channel(Channel.A);
        final String[] sig = {int.class.getName(), String.class.getName()};
        assertEquals(true, server.invoke(a, "publish", new Object[] {50, "\"hello\""}, sig));
        assertEquals(List.of("A 50 \"hello\""), fake.published);
        assertEquals(List.of("local Channel.A.publish topic=50 \"hello\""), fake.audit);
        assertEquals("publish: topic 70000 out of range 0..65535",
            invokeError(a, "publish", new Object[] {70000, "1"}, sig));
        assertEquals("publish: payload is empty (expected one sxs form, e.g. 42 or \"text\"; publishString takes "
            + "plain text)", invokeError(a, "publish", new Object[] {1, " "}, sig));
        assertTrue(invokeError(a, "publish", new Object[] {1, "(a"}, sig)
            .startsWith("publish: payload: read error at 1:1"));
        assertEquals("publish: payload must be exactly one value, got 2",
            invokeError(a, "publish", new Object[] {1, "hello world"}, sig));
        assertEquals("publish: bad channel 'exec' (expected A..F; run scripts with eval)",
            invokeError(SxsManagement.channel(Channel.EXEC), "publish", new Object[] {1, "1"}, sig));
        assertEquals(1, fake.published.size());
    }

    @Test
    void shouldReadAndWriteTheStore() throws Exception
    {
        final String[] one = {String.class.getName()};
        final String[] two = {String.class.getName(), String.class.getName()};
        assertEquals(true, server.invoke(SxsManagement.STORE, "set", new Object[] {"user:1:name", "\"Alice\""}, two));
        assertEquals(true, server.invoke(SxsManagement.STORE, "set", new Object[] {"user:2:name", "\"Bob\""}, two));
        assertEquals("\"Alice\"", server.invoke(SxsManagement.STORE, "get", new Object[] {"user:1:name"}, one));
        assertNull(server.invoke(SxsManagement.STORE, "get", new Object[] {"nope"}, one));
        assertEquals(2L, server.getAttribute(SxsManagement.STORE, "Entries"));
        assertEquals(1000L, server.getAttribute(SxsManagement.STORE, "Capacity"));
        assertEquals(4096L, server.getAttribute(SxsManagement.STORE, "OffHeapBytesUsed"));
        assertEquals(1L << 20, server.getAttribute(SxsManagement.STORE, "OffHeapBytesMapped"));
        assertEquals("", server.getAttribute(SxsManagement.STORE, "File"));
        final String[] keysSig = {String.class.getName(), long.class.getName(), int.class.getName()};
        assertArrayEquals(new String[] {"user:2:name"},
            (String[])server.invoke(SxsManagement.STORE, "keys", new Object[] {"user:", 1L, 10}, keysSig));
        assertEquals(true, server.invoke(SxsManagement.STORE, "delete", new Object[] {"user:1:name"}, one));
        assertEquals(false, server.invoke(SxsManagement.STORE, "delete", new Object[] {"user:1:name"}, one));
        assertEquals(List.of("local Store.set user:1:name \"Alice\"", "local Store.set user:2:name \"Bob\"",
            "local Store.delete user:1:name", "local Store.delete user:1:name"), fake.audit);
        assertEquals("keys: limit 0 is out of range 1..10000",
            invokeError(SxsManagement.STORE, "keys", new Object[] {"", 0L, 0}, keysSig));
        assertEquals("keys: offset -1 is negative",
            invokeError(SxsManagement.STORE, "keys", new Object[] {"", -1L, 5}, keysSig));
        assertEquals("set: key is empty", invokeError(SxsManagement.STORE, "set", new Object[] {"", "1"}, two));
        assertEquals("set: value is empty (expected one sxs form, e.g. 42 or \"text\"; setString stores plain text)",
            invokeError(SxsManagement.STORE, "set", new Object[] {"k", " "}, two));
    }

    @Test
    void shouldShowTheJournalAndReplayWithProgress() throws Exception
    {
        final ObjectName j = SxsManagement.JOURNAL;
        assertEquals("/tmp/sxs-data/journal", server.getAttribute(j, "Folder"));
        assertEquals(3L, server.getAttribute(j, "Records"));
        assertEquals(10L, server.getAttribute(j, "FirstIndex"));
        assertEquals(12L, server.getAttribute(j, "LastIndex"));
        assertEquals("2023-11-14T22:13:20Z", server.getAttribute(j, "FirstTime"));
        assertEquals("2023-11-14T22:13:21.500Z", server.getAttribute(j, "LastTime"));
        assertEquals(1L << 20, server.getAttribute(j, "SizeOnDisk"));
        assertEquals("NONE", server.getAttribute(j, "ReplayState"));

        fake.replay = FakeParts.status("RUNNING", 200, 50, 40);
        final String[] sig = {long.class.getName(), long.class.getName(), String.class.getName(), int.class.getName()};
        final String started = (String)server.invoke(j, "replay", new Object[] {-1L, -1L, "b", 50}, sig);
        assertTrue(started.startsWith("replay started: from=-1 to=-1 channel=B topic=50"), started);
        assertEquals("-1 -1 B 50", fake.lastReplay);
        assertEquals("RUNNING", server.getAttribute(j, "ReplayState"));
        assertEquals(200L, server.getAttribute(j, "ReplayTotal"));
        assertEquals(50L, server.getAttribute(j, "ReplayRead"));
        assertEquals(40L, server.getAttribute(j, "ReplayDelivered"));
        assertEquals(25.0, server.getAttribute(j, "ReplayPercent"));
        assertEquals(List.of("local Journal.replay from=-1 to=-1 channel=B topic=50"), fake.audit);
        assertEquals("replay: a replay is already running (50 records read)",
            invokeError(j, "replay", new Object[] {-1L, -1L, "", -1}, sig));
        assertEquals("replay: unknown channel 'Z' (expected A..F, exec for scripts, all for events and scripts, or "
            + "empty for all events)",
            invokeError(j, "replay", new Object[] {-1L, -1L, "Z", -1}, sig));
        assertEquals("replay: to 3 is before from 5", invokeError(j, "replay", new Object[] {5L, 3L, "", -1}, sig));

        final CompositeData[] tail = (CompositeData[])server.invoke(j, "tail", new Object[] {2},
            new String[] {int.class.getName()});
        assertEquals(2, tail.length);
        final Map<String, Object> expected = new HashMap<>();
        expected.put("index", 11L);
        expected.put("time", "2023-11-14T22:13:21.500Z");
        expected.put("timeMillis", 1_700_000_001_500L);
        expected.put("channel", "A");
        expected.put("topic", 1);
        expected.put("scope", "task:1:");
        expected.put("type", "event");
        expected.put("payload", "1");
        assertEquals(expected.keySet(), tail[1].getCompositeType().keySet());
        for (final Map.Entry<String, Object> item : expected.entrySet())
        {
            assertEquals(item.getValue(), tail[1].get(item.getKey()), item.getKey());
        }
        assertEquals("", tail[0].get("scope"));
        assertEquals("tail: n 0 is out of range 1..10000",
            invokeError(j, "tail", new Object[] {0}, new String[] {int.class.getName()}));
    }

    @Test
    void shouldPublishThroughTheRuntimeAndShowItsStatus() throws Exception
    {
        final String[] sig = {String.class.getName(), int.class.getName(), String.class.getName()};
        assertEquals(true, server.invoke(SxsManagement.RUNTIME, "publish", new Object[] {"c", 9, "42"}, sig));
        assertEquals(List.of("C 9 42"), fake.published);
        assertEquals(List.of("local Channel.C.publish topic=9 42"), fake.audit);
        assertEquals("publish: bad channel 'Z' (expected A..F)",
            invokeError(SxsManagement.RUNTIME, "publish", new Object[] {"Z", 9, "42"}, sig));
        assertEquals("running", server.getAttribute(SxsManagement.RUNTIME, "Status"));
    }

    @Test
    @SuppressWarnings("try") // the registration is held for its scope only: closing it unregisters the MBeans
    void shouldRunEveryCallThroughTheGivenRunner() throws Exception
    {
        registration.close();
        final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> new Thread(r, "sxs-mgmt-test"));
        try (SxsManagement.Registration r = SxsManagement.register(fake.parts(), new dev.sxs.jmx.metrics.SxsMetrics(),
            server, (what, call) -> pool.submit(() ->
            {
                threads.add(Thread.currentThread().getName());
                return call.call();
            }).get()))
        {
            assertEquals("0.1.0-test", server.getAttribute(SxsManagement.RUNTIME, "Version"));
            assertEquals("true\n42",
                server.invoke(SxsManagement.RUNTIME, "eval", new Object[] {"42"},
                    new String[] {String.class.getName()}));
            assertEquals(1, server.getAttributes(SxsManagement.STORE, new String[] {"Entries"}).size());
            assertEquals(List.of("sxs-mgmt-test", "sxs-mgmt-test", "sxs-mgmt-test"), threads);
            dev.sxs.jmx.remote.CurrentSubject.callAs("alice", () -> server.invoke(SxsManagement.RUNTIME, "eval",
                new Object[] {"1"}, new String[] {String.class.getName()}));
            assertEquals(List.of("local Runtime.eval 42", "alice Runtime.eval 1"), fake.audit);
            assertEquals("tail: n 0 is out of range 1..10000",
                invokeError(SxsManagement.JOURNAL, "tail", new Object[] {0}, new String[] {int.class.getName()}));
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldFailOverARealConnectorWithSxsMessageAndNoSxsFrames() throws Exception
    {
        final javax.management.remote.JMXConnectorServer connector =
            javax.management.remote.JMXConnectorServerFactory.newJMXConnectorServer(
                new javax.management.remote.JMXServiceURL("service:jmx:rmi://127.0.0.1"), Map.of(), server);
        connector.start();
        try (javax.management.remote.JMXConnector client =
            javax.management.remote.JMXConnectorFactory.connect(connector.getAddress()))
        {
            final javax.management.MBeanServerConnection remote = client.getMBeanServerConnection();
            final String[] sig = {String.class.getName(), long.class.getName(), int.class.getName()};
            final javax.management.RuntimeMBeanException ex = assertThrows(javax.management.RuntimeMBeanException.class,
                () -> remote.invoke(SxsManagement.STORE, "keys", new Object[] {"", 0L, 0}, sig));
            assertEquals(IllegalArgumentException.class, ex.getCause().getClass());
            assertEquals("keys: limit 0 is out of range 1..10000", ex.getCause().getMessage());
            assertEquals(0, ex.getCause().getStackTrace().length);
            assertEquals(true, remote.invoke(SxsManagement.STORE, "setString", new Object[] {"k", "a b"},
                new String[] {String.class.getName(), String.class.getName()}));
            assertEquals("\"a b\"", remote.invoke(SxsManagement.STORE, "get", new Object[] {"k"},
                new String[] {String.class.getName()}));
        }
        finally
        {
            connector.stop();
        }
    }

    @Test
    void shouldRefuseSettingAttributes()
    {
        assertThrows(Exception.class, () -> server.setAttribute(SxsManagement.RUNTIME, new Attribute("Version", "x")));
    }

    String invokeError(final ObjectName name, final String op, final Object[] args, final String[] sig)
    {
        return JmxFailures.messageOf(() -> server.invoke(name, op, args, sig));
    }

    static void assertDescribed(final String description, final String what)
    {
        assertNotNull(description, what);
        assertTrue(description.length() > 8, what + ": '" + description + "'");
        assertFalse(description.startsWith("Attribute exposed") || description.startsWith("Operation exposed")
            || description.startsWith("Information on the management interface"), what + ": '" + description + "'");
    }

    static void assertRenderable(final Object openType, final String what)
    {
        assertNotNull(openType, what);
        final OpenType<?> type = (OpenType<?>)openType;
        assertTrue(type instanceof SimpleType || type instanceof TabularType || type instanceof CompositeType
            || type instanceof ArrayType && (((ArrayType<?>)type).getElementOpenType() instanceof SimpleType
            || ((ArrayType<?>)type).getElementOpenType() instanceof CompositeType), what + ": " + type);
    }

    /** Stands in the journal's name. */
    public interface FakeJournalProbeMBean
    {
        int getX();
    }

    /** Stands in the journal's name. */
    public static final class FakeJournalProbe implements FakeJournalProbeMBean
    {
        @Override
        public int getX()
        {
            return 1;
        }
    }
}
