package dev.sxs.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.RuntimeView;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JMX publications respect scopes: {@code publish} on the Channel and Runtime MBeans goes into the configured
 * default scope, {@code Runtime.publishIn} into the scope named; only handlers of that scope run.
 */
class ScopedPublishTest
{
    private static final String[] PUBLISH_IN = {String.class.getName(), String.class.getName(), int.class.getName(),
        String.class.getName()};
    private static final String HANDLER = "(core/event/sub A 60 { (core/kv/set got $data) })";

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private SxsRuntime runtime;
    private SxsManagement.Registration registration;

    @BeforeEach
    void setUp()
    {
        final Config config = Config.defaults().with(Map.of("kv.entries", "10000", "scope", "app:"));
        runtime = SxsRuntime.start(config, LogSink.NONE);
        final ManagedParts parts = ManagedParts.live(new RuntimeView(config, runtime.gateway(), () -> "stopped"),
            runtime.store(), runtime.dispatcher(), runtime.journal(), runtime.gateway(),
            EvaluationCounters.of(runtime.interpreter().stats()), line -> {}, runtime.threads());
        registration = SxsManagement.register(parts, server);
        for (final String scope : List.of("", "app:", "t1:"))
        {
            assertEquals("true", eval(scope, HANDLER));
        }
    }

    @AfterEach
    void tearDown()
    {
        registration.close();
        runtime.close();
    }

    private String eval(final String scope, final String source)
    {
        return String.join(" ", runtime.eval(source, scope).stream().map(Value::print).toList());
    }

    private String seen()
    {
        assertTrue(runtime.dispatcher().drain(10_000));
        return eval("", "(core/kv/get got) (core/kv/get app:got) (core/kv/get t1:got)");
    }

    @Test
    void shouldPublishIntoTheConfiguredDefaultScope() throws Exception
    {
        assertEquals(true, server.invoke(SxsManagement.channel(Channel.A), "publish", new Object[] {60, "1"},
            LiveManagementTest.PUBLISH));
        assertEquals(true, server.invoke(SxsManagement.RUNTIME, "publish", new Object[] {"A", 60, "2"},
            new String[] {String.class.getName(), int.class.getName(), String.class.getName()}));
        assertEquals("@\"key not found: got\" 2 @\"key not found: t1:got\"", seen());
        assertEquals(2, runtime.dispatcher().stats(Channel.A).delivered(), "one handler each time");
    }

    @Test
    void shouldPublishIntoTheScopeNamedByPublishIn() throws Exception
    {
        assertEquals(true, server.invoke(SxsManagement.RUNTIME, "publishIn", new Object[] {"t1:", "A", 60, "3"},
            PUBLISH_IN));
        assertEquals("@\"key not found: got\" @\"key not found: app:got\" 3", seen());
        assertEquals(true, server.invoke(SxsManagement.RUNTIME, "publishIn", new Object[] {"", "A", 60, "4"},
            PUBLISH_IN));
        assertEquals("4 @\"key not found: app:got\" 3", seen());
        assertEquals("publishIn: bad channel 'exec' (expected A..F)", JmxFailures.messageOf(() ->
            server.invoke(SxsManagement.RUNTIME, "publishIn", new Object[] {"t1:", "exec", 60, "5"}, PUBLISH_IN)));
        assertEquals("publishIn: scope is null (use an empty string for the root scope)", JmxFailures.messageOf(() ->
            server.invoke(SxsManagement.RUNTIME, "publishIn", new Object[] {null, "A", 60, "6"}, PUBLISH_IN)));
        assertEquals(Map.of(60, 3), runtime.dispatcher().topics(Channel.A), "handlers counted over all scopes");
    }
}
