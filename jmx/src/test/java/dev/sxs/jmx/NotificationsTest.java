package dev.sxs.jmx;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.EvaluationCounters;
import dev.sxs.jmx.access.RuntimeView;
import dev.sxs.jmx.mbean.CallRunner;
import dev.sxs.jmx.mbean.SxsNotifications;
import dev.sxs.jmx.metrics.SxsMetrics;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.NotificationListener;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notifications of {@code dev.sxs:type=Runtime} over a real runtime: handler errors and stopping. */
class NotificationsTest
{
    static final long PERIOD_MILLIS = 200;

    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    final NotificationListener listener = (notification, handback) -> received.add(notification);
    SxsRuntime runtime;
    SxsManagement.Registration registration;

    @BeforeEach
    void setUp()
    {
        final Config config = Config.defaults().with(Map.of("kv.entries", "10000"));
        runtime = SxsRuntime.start(config, LogSink.NONE);
        final ManagedParts parts = ManagedParts.live(new RuntimeView(config, runtime.gateway(), () -> "stopped"),
            runtime.store(), runtime.dispatcher(), runtime.journal(), runtime.gateway(),
            EvaluationCounters.of(runtime.interpreter().stats()), line -> {}, runtime.threads());
        registration = SxsManagement.register(parts, new SxsMetrics(), server, CallRunner.DIRECT,
            new ManagementOptions(false, PERIOD_MILLIS));
    }

    @AfterEach
    void tearDown()
    {
        registration.close();
        runtime.close();
    }

    @Test
    void shouldListTheNotificationsInTheRuntimeMBeanInfoOnly() throws Exception
    {
        final Set<String> types = Arrays.stream(server.getMBeanInfo(SxsManagement.RUNTIME).getNotifications())
            .map(MBeanNotificationInfo::getNotifTypes).flatMap(Arrays::stream).collect(Collectors.toSet());
        assertEquals(Set.of(SxsNotifications.REPLAY_FINISHED, SxsNotifications.REPLAY_FAILED,
            SxsNotifications.HANDLER_ERRORS, SxsNotifications.STOPPING), types);
        assertTrue(server.isInstanceOf(SxsManagement.RUNTIME, "javax.management.NotificationBroadcaster"));
        assertEquals(false, server.isInstanceOf(SxsManagement.STORE, "javax.management.NotificationBroadcaster"));
    }

    @Test
    void shouldNotifyHandlerErrorsOncePerPeriodWithTheirCountAndMessage() throws Exception
    {
        assertEquals(List.of("true"), print(runtime.eval("(core/event/sub A 5 { (core/kv/get missing) })", "")));
        for (int i = 0; i < 3; i++)
        {
            assertEquals(true, server.invoke(SxsManagement.channel(Channel.A), "publish", new Object[] {5, "1"},
                LiveManagementTest.PUBLISH));
        }
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals(3L, runtime.dispatcher().stats(Channel.A).handlerErrors());
        server.addNotificationListener(SxsManagement.RUNTIME, listener, null, null);

        final Notification n = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(n, "a handler error notification");
        assertEquals(SxsNotifications.HANDLER_ERRORS, n.getType());
        assertEquals(SxsManagement.RUNTIME, n.getSource());
        assertEquals("channel A: 3 handler errors (3 since start); latest: @\"key not found: missing\"",
            n.getMessage());
        assertNull(received.poll(3 * PERIOD_MILLIS, TimeUnit.MILLISECONDS), "nothing new, nothing sent");

        assertEquals(true, server.invoke(SxsManagement.channel(Channel.A), "publish", new Object[] {5, "2"},
            LiveManagementTest.PUBLISH));
        final Notification next = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(next);
        assertEquals("channel A: 1 handler error (4 since start); latest: @\"key not found: missing\"",
            next.getMessage());
        assertTrue(next.getSequenceNumber() > n.getSequenceNumber());
    }

    @Test
    void shouldNotifyStoppingOnceBeforeTheMBeansGo() throws Exception
    {
        server.addNotificationListener(SxsManagement.RUNTIME, listener, null, null);
        assertEquals("stopped", server.invoke(SxsManagement.RUNTIME, "stop", new Object[] {"stop"},
            new String[] {String.class.getName()}));
        final Notification n = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(n);
        assertEquals(SxsNotifications.STOPPING, n.getType());
        assertEquals("sxs is stopping: Runtime.stop called by local", n.getMessage());
        registration.close();
        assertNull(received.poll(PERIOD_MILLIS, TimeUnit.MILLISECONDS), "said once");
    }

    @Test
    void shouldNotifyStoppingWhenTheMBeansAreUnregistered() throws Exception
    {
        server.addNotificationListener(SxsManagement.RUNTIME, listener, null, null);
        registration.close();
        final Notification n = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(n);
        assertEquals("sxs is stopping: its MBeans are being unregistered", n.getMessage());
        assertEquals(false, server.isRegistered(SxsManagement.RUNTIME));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("sxs-notify")),
            "the watch thread is gone");
    }

    private static List<String> print(final List<dev.sxs.lang.Value> values)
    {
        return values.stream().map(dev.sxs.lang.Value::print).toList();
    }
}
