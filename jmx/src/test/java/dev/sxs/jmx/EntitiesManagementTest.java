package dev.sxs.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import dev.sxs.entity.Entities;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.RuntimeView;
import dev.sxs.jmx.metrics.SxsMetrics;
import dev.sxs.jmx.remote.CurrentSubject;
import dev.sxs.journal.NoOpJournal;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code Entities} MBean, the denials metric, {@code evalSession} as another entity, the hidden prefix. */
class EntitiesManagementTest
{
    static final String S = String.class.getName();
    static final String[] SSS = {S, S, S};
    static final String[] EVAL_AS = {S, boolean.class.getName(), S, S, S, S};

    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final List<String> fallback = new CopyOnWriteArrayList<>();
    final Config config = Config.defaults().with(Map.of("kv.entries", "1000"));
    final SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE);
    final SxsManagement.Registration registration = SxsManagement.register(ManagedParts.live(
        new RuntimeView(config, runtime.gateway(), () -> "stopped"), runtime.store(), runtime.dispatcher(),
        NoOpJournal.INSTANCE, runtime.gateway(), EvaluationCounters.NONE, fallback::add, runtime.threads()),
        new SxsMetrics(), server);

    @AfterEach
    void tearDown()
    {
        registration.close();
        runtime.close();
    }

    private Object invoke(final String operation, final Object[] args, final String[] signature) throws Exception
    {
        return server.invoke(SxsManagement.ENTITIES, operation, args, signature);
    }

    @Test
    void shouldManageEntitiesAndRunAsOne() throws Exception
    {
        assertEquals("shop-a home=(default) rate=0 sessions=0 grants=none",
            invoke("create", new Object[] {"shop-a"}, new String[] {S}));
        assertEquals("shop-a home=(default) rate=0 sessions=0 grants=RW shop-a:",
            invoke("grant", new Object[] {"shop-a", "RW", "shop-a:"}, SSS));
        assertEquals("shop-a home=(default) rate=5 sessions=2 grants=RW shop-a:",
            invoke("limit", new Object[] {"shop-a", 5, 2}, new String[] {S, int.class.getName(), int.class.getName()}));
        invoke("home", new Object[] {"shop-a", "shop-a:"}, new String[] {S, S});
        assertArrayEquals(new String[] {"root all rights (built in)",
            "shop-a home='shop-a:' rate=5 sessions=2 grants=RW shop-a:"},
            (String[])server.getAttribute(SxsManagement.ENTITIES, "Entities"));
        assertEquals("true", server.invoke(SxsManagement.RUNTIME, "evalSession",
            new Object[] {"", false, null, "(core/kv/set k 1)", "cli", "shop-a"}, EVAL_AS));
        assertEquals("1", server.invoke(SxsManagement.STORE, "get", new Object[] {"shop-a:k"}, new String[] {S}));
        assertEquals("@\"entity 'shop-a' may not use scope 'shop-b:'\"",
            server.invoke(SxsManagement.RUNTIME, "evalSession",
                new Object[] {"", false, "shop-b:", "(core/kv/set k 1)", "cli", "shop-a"}, EVAL_AS));
        assertEquals(1L, server.getAttribute(SxsManagement.ENTITIES, "Denials"));
        final ObjectName denials = new ObjectName("dev.sxs.metrics:name=entity.denials,type=meters");
        assertEquals(1L, server.getAttribute(denials, "Count"));
        assertEquals("deleted shop-a", invoke("delete", new Object[] {"shop-a"}, new String[] {S}));
    }

    @Test
    void shouldListEachSessionWithTheEntityItRunsAs() throws Exception
    {
        runtime.entities().create("shop-a");
        runtime.entities().grant("shop-a", "RW", "shop-a:");
        runtime.entities().change("shop-a", e -> e.withHome("shop-a:"));
        assertEquals("true", server.invoke(SxsManagement.RUNTIME, "evalSession",
            new Object[] {"tenant", false, null, "(core/kv/set k 1)", "cli", "shop-a"}, EVAL_AS));
        assertEquals("true", server.invoke(SxsManagement.RUNTIME, "evalSession",
            new Object[] {"operator", false, null, "(core/kv/set k 1)", "cli", null}, EVAL_AS));
        final String[] sessions = (String[])server.getAttribute(SxsManagement.SESSIONS, "Sessions");
        assertEquals(2, sessions.length, Arrays.toString(sessions));
        assertTrue(sessions[0].matches("\\d+ tenant cli:local as shop-a shop-a \"shop-a:\" 0"), sessions[0]);
        assertTrue(sessions[1].matches("\\d+ operator cli:local root \"\" 0"), sessions[1]);
    }

    @Test
    void shouldRefuseChangesFromAnEntityWithoutTheAdminRight() throws Exception
    {
        runtime.entities().create("alice");
        final Exception refused = assertThrows(Exception.class, () -> CurrentSubject.callAs("alice",
            () -> invoke("create", new Object[] {"mallory"}, new String[] {S})));
        assertTrue(String.valueOf(refused.getMessage()).contains("entity 'alice' may not manage entities")
            || String.valueOf(refused.getCause()).contains("entity 'alice' may not manage entities"),
            String.valueOf(refused));
        assertEquals(null, runtime.entities().find("mallory"));
        assertEquals("@\"entity 'alice' may not act as entity 'root'\"", CurrentSubject.callAs("alice",
            () -> server.invoke(SxsManagement.RUNTIME, "evalSession",
                new Object[] {"", false, null, "1", "jmx", "root"}, EVAL_AS)));
    }

    @Test
    void shouldNeverShowNorTouchTheEntitiesKeys() throws Exception
    {
        runtime.entities().create("shop-a");
        final String[] keys = {S, long.class.getName(), int.class.getName()};
        assertArrayEquals(new String[0], (String[])server.invoke(SxsManagement.STORE, "keys",
            new Object[] {"\0", 0L, 10}, keys));
        assertArrayEquals(new String[0], (String[])server.invoke(SxsManagement.STORE, "keys",
            new Object[] {Entities.PREFIX, 0L, 10}, keys));
        assertThrows(Exception.class, () -> server.invoke(SxsManagement.STORE, "get",
            new Object[] {Entities.PREFIX + "shop-a"}, new String[] {S}));
        assertThrows(Exception.class, () -> server.invoke(SxsManagement.STORE, "delete",
            new Object[] {Entities.PREFIX + "shop-a"}, new String[] {S}));
        assertTrue(runtime.entities().find("shop-a") != null);
    }
}
