package dev.sxs.jmx;

import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.RuntimeView;
import dev.sxs.jmx.audit.AuditRecords;
import dev.sxs.jmx.metrics.SxsMetrics;
import dev.sxs.journal.ChronicleJournal;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.StrValue;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MBeans over a real store, dispatcher, journal and interpreter. */
class LiveManagementTest
{
    static final String[] S = {String.class.getName()};
    static final String[] SS = {String.class.getName(), String.class.getName()};
    static final String[] PUBLISH = {int.class.getName(), String.class.getName()};
    static final String[] REPLAY = {long.class.getName(), long.class.getName(), String.class.getName(),
        int.class.getName()};

    @TempDir
    Path dir;
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final List<String> fallback = new CopyOnWriteArrayList<>();
    final AtomicInteger stops = new AtomicInteger();
    Config config;
    KvStore store;
    ChronicleJournal journal;
    Dispatcher dispatcher;
    SxsRuntime runtime;
    SxsMetrics metrics;
    SxsManagement.Registration registration;

    @BeforeEach
    void setUp()
    {
        config = Config.defaults().with(Map.of("kv.entries", "10000"));
        metrics = new SxsMetrics();
        store = metrics.meter(ChronicleKvStore.open(config.kv()));
        journal = ChronicleJournal.builder(dir.resolve("journal")).open();
        runtime = SxsRuntime.start(config, store, LogSink.NONE, journal);
        dispatcher = runtime.dispatcher();
        dispatcher.deliveryProbe(metrics.deliveryProbe());
        final ManagedParts parts = ManagedParts.live(
            new RuntimeView(config, runtime.gateway(), () -> stops.incrementAndGet() > 0 ? "stopped" : ""),
            store, dispatcher, journal, runtime.gateway(), EvaluationCounters.of(runtime.interpreter().stats()),
            fallback::add, runtime.threads());
        registration = SxsManagement.register(parts, metrics, server);
    }

    @AfterEach
    void tearDown()
    {
        registration.close();
        runtime.close();
        journal.close();
        store.close();
    }

    @Test
    void shouldEvaluateWithTheRealInterpreter() throws Exception
    {
        assertEquals("true\n5", server.invoke(SxsManagement.RUNTIME, "eval",
            new Object[] {"(core/kv/set counter 5) (core/kv/get counter)"}, S));
        assertEquals("true", server.invoke(SxsManagement.RUNTIME, "evalIn",
            new Object[] {"t:1:", "(core/kv/set x \"y\")"}, SS));
        assertEquals("\"y\"", server.invoke(SxsManagement.STORE, "get", new Object[] {"t:1:x"}, S));
        final String readError = (String)server.invoke(SxsManagement.RUNTIME, "eval", new Object[] {"(core/kv/get"}, S);
        assertTrue(readError.startsWith("@\"read error at 1:1"), readError);
        final ObjectName evaluations = new ObjectName("dev.sxs.metrics:name=script.evaluations,type=meters");
        assertTrue((Long)server.getAttribute(evaluations, "Count") >= 2, "evaluations counted");
    }

    @Test
    void shouldListKeysWithoutTheLanguagesHiddenFunctionKeys() throws Exception
    {
        assertEquals("true\ntrue\ntrue", server.invoke(SxsManagement.RUNTIME, "eval",
            new Object[] {"(core/fn/def f () {1}) (core/kv/set a 1) (core/kv/set b 2)"}, S));
        final String[] sig = {String.class.getName(), long.class.getName(), int.class.getName()};
        assertArrayEquals(new String[] {"a", "b"},
            (String[])server.invoke(SxsManagement.STORE, "keys", new Object[] {"", 0L, 10}, sig));
        assertArrayEquals(new String[] {"b"},
            (String[])server.invoke(SxsManagement.STORE, "keys", new Object[] {"", 1L, 10}, sig));
    }

    @Test
    void shouldSetValuesInSxsSyntaxAndRefuseBadOnesPrecisely() throws Exception
    {
        assertEquals(true, server.invoke(SxsManagement.STORE, "set",
            new Object[] {"user:1", "(order 7 \"EUR\" 12.5)"},
            SS));
        assertEquals("(order 7 \"EUR\" 12.5)", server.invoke(SxsManagement.STORE, "get", new Object[] {"user:1"}, S));
        assertEquals("(order 7 \"EUR\" 12.5)", store.get("user:1"));
        final String bad = JmxFailures.messageOf(() ->
            server.invoke(SxsManagement.STORE, "set", new Object[] {"user:2", "(order 7"}, SS));
        assertTrue(bad.startsWith("set: payload: read error at 1:1"), bad);
        assertEquals("set: payload must be exactly one value, got 2", JmxFailures.messageOf(() ->
            server.invoke(SxsManagement.STORE, "set", new Object[] {"user:2", "1 2"}, SS)));
        assertEquals("set: an error value cannot be stored or published: @\"boom\"", JmxFailures.messageOf(() ->
            server.invoke(SxsManagement.STORE, "set", new Object[] {"user:2", "@\"boom\""}, SS)));
        assertEquals(1L, server.getAttribute(SxsManagement.STORE, "Entries"));
        assertEquals(10000L, server.getAttribute(SxsManagement.STORE, "Capacity"));
    }

    @Test
    void shouldReplayEventsOnlyUnlessScriptsAreNamed() throws Exception
    {
        assertEquals("1\ntrue", server.invoke(SxsManagement.RUNTIME, "eval",
            new Object[] {"(core/kv/incr setups) (core/event/sub $CHANNEL_B 3 {(core/kv/incr seen)})"}, S));
        assertEquals(true, server.invoke(SxsManagement.channel(Channel.B), "publish", new Object[] {3, "1"},
            PUBLISH));
        assertTrue(dispatcher.drain(10_000));
        assertEquals("1", server.invoke(SxsManagement.STORE, "get", new Object[] {"seen"}, S));

        replayAndWait("");
        assertEquals("1", server.invoke(SxsManagement.STORE, "get", new Object[] {"setups"}, S),
            "the script is not re-run by a replay over all channels");
        assertEquals("2", server.invoke(SxsManagement.STORE, "get", new Object[] {"seen"}, S),
            "the event reaches its one handler once");
        assertEquals(1L, server.getAttribute(SxsManagement.JOURNAL, "ReplayDelivered"));

        replayAndWait("all");
        assertEquals("2", server.invoke(SxsManagement.STORE, "get", new Object[] {"setups"}, S),
            "scripts re-run only when named");
        final String description = Arrays.stream(server.getMBeanInfo(SxsManagement.JOURNAL).getOperations())
            .filter(op -> op.getName().equals("replay")).findFirst().orElseThrow().getDescription();
        assertTrue(description.contains("Events only by default; scripts"), description);
    }

    private void replayAndWait(final String channel) throws Exception
    {
        final String started = (String)server.invoke(SxsManagement.JOURNAL, "replay",
            new Object[] {-1L, -1L, channel, -1}, REPLAY);
        assertTrue(started.startsWith("replay started"), started);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"DONE".equals(server.getAttribute(SxsManagement.JOURNAL, "ReplayState"))
            && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertEquals("DONE", server.getAttribute(SxsManagement.JOURNAL, "ReplayState"));
        assertTrue(dispatcher.drain(10_000));
    }

    @Test
    void shouldPublishJournalAuditReplayAndMeasure() throws Exception
    {
        final CountDownLatch firstTwo = new CountDownLatch(2);
        final CountDownLatch replayed = new CountDownLatch(4);
        final List<String> seen = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(Channel.A, 50, e ->
        {
            seen.add(e.payload().toString());
            firstTwo.countDown();
            replayed.countDown();
        }, 24L);
        final ObjectName a = SxsManagement.channel(Channel.A);
        assertEquals(true, server.invoke(a, "publish", new Object[] {50, "\"one\""}, PUBLISH));
        assertEquals(true, server.invoke(a, "publish", new Object[] {50, "(two 2)"}, PUBLISH));
        assertTrue(firstTwo.await(10, TimeUnit.SECONDS));
        assertTrue(dispatcher.drain(10_000));
        assertEquals(2L, server.getAttribute(a, "Published"));
        assertEquals(2L, server.getAttribute(a, "Delivered"));
        assertEquals(2L, server.getAttribute(new ObjectName("dev.sxs.metrics:name=channel.A.published,type=meters"),
            "Count"));
        assertTrue(Arrays.equals(new int[] {50}, (int[])server.invoke(a, "topics", new Object[0], new String[0])));

        final String[] tail = tail(4);
        assertEquals(4, tail.length, Arrays.toString(tail));
        assertTrue(tail[0].endsWith(" exec 65535 (audit \"local\" \"Channel.A.publish\" \"topic=50 \\\"one\\\"\")"),
            tail[0]);
        assertTrue(tail[1].endsWith(" A 50 \"one\""), tail[1]);
        assertTrue(tail[2].contains("(audit \"local\" \"Channel.A.publish\""), tail[2]);
        assertTrue(tail[3].endsWith(" A 50 (two 2)"), tail[3]);
        assertEquals(List.of(), fallback);
        assertEquals(journal.info().lastIndex(), server.getAttribute(SxsManagement.JOURNAL, "LastIndex"));

        final java.util.concurrent.BlockingQueue<javax.management.Notification> notes =
            new java.util.concurrent.LinkedBlockingQueue<>();
        server.addNotificationListener(SxsManagement.RUNTIME, (n, handback) -> notes.add(n), null, null);
        final String started = (String)server.invoke(SxsManagement.JOURNAL, "replay", new Object[] {-1L, -1L, "A", -1},
            REPLAY);
        assertTrue(started.startsWith("replay started"), started);
        assertTrue(replayed.await(10, TimeUnit.SECONDS));
        final javax.management.Notification ended = notes.poll(10, TimeUnit.SECONDS);
        assertTrue(ended != null, "a replay notification");
        assertEquals(dev.sxs.jmx.mbean.SxsNotifications.REPLAY_FINISHED, ended.getType());
        assertTrue(ended.getMessage().startsWith("replay finished: ") && ended.getMessage().endsWith(
            " records read, 2 re-published"), ended.getMessage());
        assertEquals("DONE", server.getAttribute(SxsManagement.JOURNAL, "ReplayState"));
        assertEquals(2L, server.getAttribute(SxsManagement.JOURNAL, "ReplayDelivered"));
        assertEquals(100.0, server.getAttribute(SxsManagement.JOURNAL, "ReplayPercent"));
        assertEquals(List.of("\"one\"", "(two 2)", "\"one\"", "(two 2)"), seen);
        final String[] last = tail(1);
        assertTrue(last[0].contains("(audit \"local\" \"Journal.replay\" \"from=-1 to=-1 channel=A topic=*\")"),
            last[0]);
        assertTrue(AuditRecords.isAudit(Channel.EXEC, 65535, "sxs:audit"));
    }

    @Test
    void shouldShareNamedSessionsListTheirHandlersAndCloseThem() throws Exception
    {
        final String sub = "(core/event/sub A 7 { (core/kv/incr seen) })";
        assertEquals("true", evalSession("s1", false, sub));
        final String[] sessions = (String[])server.getAttribute(SxsManagement.SESSIONS, "Sessions");
        assertEquals(1, sessions.length, Arrays.toString(sessions));
        assertTrue(sessions[0].matches("\\d+ s1 cli:local root \"\" 1"), sessions[0]);
        final String id = sessions[0].substring(0, sessions[0].indexOf(' '));
        assertEquals(List.of(id + " A 7 cli {(core/kv/incr seen)}"), List.of(handlers()));

        assertEquals("1", evalSession("s1", false, "(core/event/unsub A 7)"));
        assertEquals(0, handlers().length);

        evalSession("s1", true, sub);
        evalSession("s1", true, sub);
        assertEquals(1, handlers().length, "replace does not double");
        final String closed = (String)server.invoke(SxsManagement.SESSIONS, "close", new Object[] {"s1"}, S);
        assertTrue(closed.matches("closed session \\d+ \\(s1\\): 1 handler removed"), closed);
        assertEquals(0, server.getAttribute(SxsManagement.SESSIONS, "Open"));
        assertEquals("close: no open session 's1'", JmxFailures.messageOf(() ->
            server.invoke(SxsManagement.SESSIONS, "close", new Object[] {"s1"}, S)));
        final String[] tail = tail(1);
        assertTrue(tail[0].endsWith("(audit \"local\" \"Sessions.close\" \"s1\")"), tail[0]);
    }

    private String evalSession(final String session, final boolean replace, final String script) throws Exception
    {
        final String s = String.class.getName();
        return (String)server.invoke(SxsManagement.RUNTIME, "evalSession",
            new Object[] {session, replace, null, script, "cli"}, new String[] {s, boolean.class.getName(), s, s, s});
    }

    private String[] handlers() throws Exception
    {
        return (String[])server.getAttribute(SxsManagement.SESSIONS, "Handlers");
    }

    @Test
    void shouldRefusePublishingABadPayloadWithTheReadError() throws Exception
    {
        final String ex = JmxFailures.messageOf(() -> server.invoke(SxsManagement.channel(Channel.B), "publish",
            new Object[] {1, "[1 2"}, PUBLISH));
        assertTrue(ex.startsWith("publish: payload: read error at 1:1"), ex);
        assertEquals(0L, server.getAttribute(SxsManagement.channel(Channel.B), "Published"));
    }

    @Test
    void shouldStoreAndPublishPlainTextAsStringsWhileSetKeepsSxsSyntax() throws Exception
    {
        assertEquals(true, server.invoke(SxsManagement.STORE, "set", new Object[] {"greeting", "hello"}, SS));
        assertEquals("hello", store.get("greeting"), "a bare word in sxs syntax is a symbol");
        assertEquals(true, server.invoke(SxsManagement.STORE, "setString",
            new Object[] {"greeting", "hello \"big\" (world)"}, SS));
        assertEquals("\"hello \\\"big\\\" (world)\"", store.get("greeting"));
        assertEquals(List.of("(audit \"local\" \"Store.set\" \"greeting hello\")",
            "(audit \"local\" \"Store.setString\" \"greeting hello \\\"big\\\" (world)\")"), auditTail(2));
        assertEquals("\"hello \\\"big\\\" (world)\"", evalOne("(core/kv/get greeting)"));

        final CountDownLatch delivered = new CountDownLatch(2);
        final List<Object> payloads = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(Channel.C, 3, e ->
        {
            payloads.add(e.payload());
            delivered.countDown();
        }, 24L);
        assertEquals(true, server.invoke(SxsManagement.channel(Channel.C), "publishString",
            new Object[] {3, "two words"}, PUBLISH));
        assertEquals(true, server.invoke(SxsManagement.RUNTIME, "publishString", new Object[] {"C", 3, "(x"},
            new String[] {String.class.getName(), int.class.getName(), String.class.getName()}));
        assertTrue(delivered.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(new StrValue("two words"), new StrValue("(x")), payloads);
    }

    /** The last n records from Journal.tail, each as INDEX TIME CHANNEL TOPIC PAYLOAD, checking their times. */
    private String[] tail(final int n) throws Exception
    {
        final Object answer = server.invoke(SxsManagement.JOURNAL, "tail", new Object[] {n},
            new String[] {int.class.getName()});
        final javax.management.openmbean.CompositeData[] records = (javax.management.openmbean.CompositeData[])answer;
        final String[] lines = new String[records.length];
        for (int i = 0; i < records.length; i++)
        {
            final javax.management.openmbean.CompositeData r = records[i];
            assertEquals(java.time.Instant.parse((String)r.get("time")).toEpochMilli(), r.get("timeMillis"));
            lines[i] = r.get("index") + " " + r.get("time") + " " + r.get("channel") + " " + r.get("topic") + " "
                + r.get("payload");
        }
        return lines;
    }

    private String evalOne(final String script) throws Exception
    {
        return (String)server.invoke(SxsManagement.RUNTIME, "eval", new Object[] {script}, S);
    }

    private List<String> auditTail(final int n)
    {
        try (dev.sxs.journal.JournalReader reader = journal.newReader())
        {
            return reader.tail(n).stream().map(dev.sxs.journal.JournalRecord::payload).toList();
        }
    }

    @Test
    void shouldReportOffHeapBytesUsedApartFromBytesMapped() throws Exception
    {
        final long mapped = (Long)server.getAttribute(SxsManagement.STORE, "OffHeapBytesMapped");
        final long emptyUse = (Long)server.getAttribute(SxsManagement.STORE, "OffHeapBytesUsed");
        assertTrue(emptyUse < mapped / 100, "an empty store uses " + emptyUse + " of " + mapped + " mapped");
        for (int i = 0; i < 1000; i++)
        {
            store.put("key:" + i, "\"" + "v".repeat(100) + "\"");
        }
        final long used = (Long)server.getAttribute(SxsManagement.STORE, "OffHeapBytesUsed");
        assertTrue(used >= emptyUse + 1000 * 100, "1000 entries of 100+ bytes use " + used);
        assertTrue(used < mapped, used + " < " + mapped);
        assertEquals(mapped, server.getAttribute(SxsManagement.STORE, "OffHeapBytesMapped"));
        final ObjectName gauge = new ObjectName("dev.sxs.metrics:name=store.offHeapBytesUsed,type=gauges");
        assertEquals(used, server.getAttribute(gauge, "Value"));
    }
}
