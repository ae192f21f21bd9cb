package dev.sxs.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.sxs.events.Awaiter;
import dev.sxs.events.Channel;
import dev.sxs.jmx.SxsManagement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sxs.lang.ErrorValue;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.ConfigException;

class SxsAgentTest
{
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    @AfterEach
    void stopAgent()
    {
        final SxsAgent agent = SxsAgent.current();
        if (agent != null)
        {
            agent.stop();
        }
    }

    @Test
    void shouldEvaluateThroughThePlatformMBeanServer() throws Exception
    {
        SxsAgent.start(Config.parse(Map.of()));
        final ObjectName name = SxsManagement.RUNTIME;
        final Object forms = server.invoke(name, "eval",
            new Object[] {"(core/kv/set a 5) (core/kv/incr a) (core/kv/get b) \"x\ny\""},
            new String[] {String.class.getName()});
        assertEquals("true\n6\n@\"key not found: b\"\n\"x\\ny\"", forms);
        assertEquals("1", server.invoke(name, "evalIn", new Object[] {"s:", "(core/kv/incr a)"},
            new String[] {String.class.getName(), String.class.getName()}));
        assertEquals("6", server.invoke(name, "eval", new Object[] {"(core/kv/get a)"},
            new String[] {String.class.getName()}));
        assertEquals("running", server.getAttribute(name, "Status"));
    }

    @Test
    void shouldEvaluateInTheGivenScope() throws Exception
    {
        SxsAgent.start(Config.parse(Map.of()));
        final ObjectName name = new ObjectName(SxsManagement.RUNTIME_NAME);
        final String[] sig = {String.class.getName(), String.class.getName()};
        server.invoke(name, "evalIn", new Object[] {"t:", "(core/kv/set k 1)"}, sig);
        assertEquals("1", server.invoke(name, "evalIn", new Object[] {"", "(core/kv/get t:k)"}, sig));
    }

    /**
     * The management threads exist from start, made by sxs's thread factory: whatever thread makes the
     * first call (here one with a throwaway context class loader and low priority, like a webapp's), the
     * threads serving it have sxs's loader as context class loader and normal priority.
     */
    @Test
    void shouldServeCallsOnThreadsWithSxsContextLoaderWhateverThreadCalls() throws Exception
    {
        SxsAgent.start(Config.parse(Map.of()));
        final ObjectName name = new ObjectName(SxsManagement.RUNTIME_NAME);
        final List<Thread> before = managementThreads();
        assertEquals(SxsAgent.DEFAULT_MANAGEMENT_THREADS + SxsAgent.DEFAULT_SCRIPT_CALL_THREADS, before.size(),
            "started with the agent: " + before);
        final AtomicReference<Object> answer = new AtomicReference<>();
        try (URLClassLoader throwaway = new URLClassLoader(new URL[0], null))
        {
            final Thread caller = new Thread(() ->
            {
                try
                {
                    answer.set(server.invoke(name, "eval", new Object[] {"(core/kv/incr calls)"},
                        new String[] {String.class.getName()}));
                }
                catch (final Exception ex)
                {
                    answer.set(ex);
                }
            }, "host-caller");
            caller.setContextClassLoader(throwaway);
            caller.setPriority(Thread.MIN_PRIORITY);
            caller.start();
            caller.join(30_000);
        }
        assertEquals("1", answer.get());
        final List<Thread> after = managementThreads();
        assertEquals(before, after, "no thread made for the call");
        for (final Thread t : after)
        {
            assertSame(SxsAgent.class.getClassLoader(), t.getContextClassLoader(), t.getName());
            assertEquals(Thread.NORM_PRIORITY, t.getPriority(), t.getName());
            assertTrue(t.isDaemon(), t.getName());
        }
    }

    /**
     * Three evals stuck in a long await (more than the management threads of old) delay nobody else: the
     * runtime and channel attributes, a channel publish and another eval each answer within seconds.
     */
    @Test
    void shouldAnswerAttributesPublishAndEvalWhileEvalsAreStuck() throws Exception
    {
        final SxsAgent agent = SxsAgent.start(Config.parse(Map.of("budget.millis", "60000")));
        final String[] sig = {String.class.getName()};
        final java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newCachedThreadPool();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                try (Awaiter started = agent.runtime().runtime().dispatcher().listen(Channel.B, 9))
                {
                    callers.submit(() -> server.invoke(SxsManagement.RUNTIME, "eval",
                        new Object[] {"(core/expr/await { (core/event/pub $CHANNEL_B 9 1) } $CHANNEL_A 2 60000)"},
                        sig));
                    assertNotNull(started.await(10_000), "eval " + i + " waits in its await");
                }
            }
            assertEquals("running", within(callers, () -> server.getAttribute(SxsManagement.RUNTIME, "Status")));
            within(callers, () -> server.getAttribute(SxsManagement.RUNTIME, "Uptime"));
            within(callers, () -> server.getAttribute(SxsManagement.channel(Channel.A), "Published"));
            assertEquals(true, within(callers, () -> server.invoke(SxsManagement.channel(Channel.A), "publish",
                new Object[] {5, "1"}, new String[] {int.class.getName(), String.class.getName()})));
            assertEquals(true, within(callers, () -> server.invoke(SxsManagement.RUNTIME, "publish",
                new Object[] {"A", 5, "1"},
                new String[] {String.class.getName(), int.class.getName(), String.class.getName()})));
            assertEquals("1", within(callers, () -> server.invoke(SxsManagement.RUNTIME, "eval",
                new Object[] {"(core/kv/incr n)"}, sig)));
        }
        finally
        {
            callers.shutdownNow();
        }
    }

    private static Object within(final java.util.concurrent.ExecutorService callers,
        final java.util.concurrent.Callable<Object> call) throws Exception
    {
        return callers.submit(call).get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static List<Thread> managementThreads()
    {
        final List<Thread> threads = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("sxs-mgmt-") || t.getName().startsWith("sxs-call-"))
            {
                threads.add(t);
            }
        }
        threads.sort(java.util.Comparator.comparing(Thread::getName));
        return threads;
    }

    @Test
    void shouldRejectABadPublishWithSxsMessageAndNoSxsFrames() throws Exception
    {
        SxsAgent.start(Config.parse(Map.of()));
        final ObjectName name = SxsManagement.RUNTIME;
        final String[] sig = {String.class.getName(), int.class.getName(), String.class.getName()};
        assertEquals("publish: bad channel 'Q' (expected A..F)",
            failure(() -> server.invoke(name, "publish", new Object[] {"Q", 1, "1"}, sig)));
        assertEquals("publish: topic 70000 out of range 0..65535",
            failure(() -> server.invoke(name, "publish", new Object[] {"A", 70000, "1"}, sig)));
        assertEquals("publish: payload must be exactly one value, got 2",
            failure(() -> server.invoke(name, "publish", new Object[] {"A", 1, "1 2"}, sig)));
    }

    private static String failure(final org.junit.jupiter.api.function.Executable call)
    {
        final javax.management.RuntimeMBeanException ex =
            org.junit.jupiter.api.Assertions.assertThrows(javax.management.RuntimeMBeanException.class, call);
        assertEquals(IllegalArgumentException.class, ex.getCause().getClass());
        assertEquals(0, ex.getCause().getStackTrace().length, "no sxs frames");
        return ex.getCause().getMessage();
    }

    @Test
    void shouldRunTheBootScriptAtStart() throws Exception
    {
        final Path boot = dir.resolve("boot.sxs");
        Files.writeString(boot, "(core/kv/set booted true)\n");
        SxsAgent.start(Config.parse(Map.of("boot", boot.toString())));
        assertEquals("true", server.invoke(new ObjectName(SxsManagement.RUNTIME_NAME), "eval",
            new Object[] {"(core/kv/get booted)"}, new String[] {String.class.getName()}));
    }

    @Test
    void shouldRefuseAMissingBootScript()
    {
        final Path boot = dir.resolve("missing.sxs");
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> SxsAgent.start(Config.parse(Map.of("boot", boot.toString()))));
        assertEquals("cannot read boot script '" + boot + "': no such file", ex.getMessage());
        assertNull(SxsAgent.current());
    }

    @Test
    void shouldRefuseARemotePortWithoutCredentialsBeforeOpeningTheStore()
    {
        final Path data = dir.resolve("data");
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> SxsAgent.start(Config.parse(Map.of("data", data.toString(), "jmx.port", "9999"))));
        assertEquals(dev.sxs.jmx.remote.RemoteConnector.NO_CREDENTIALS, ex.getMessage());
        assertNull(SxsAgent.current());
        assertFalse(Files.exists(data), "no data folder is created for a refused configuration");
    }

    @Test
    void shouldUnregisterAndCloseOnStop() throws Exception
    {
        final SxsAgent agent = SxsAgent.start(Config.parse(Map.of("data", dir.resolve("data").toString())));
        final ObjectName name = SxsManagement.RUNTIME;
        assertTrue(server.isRegistered(name));
        assertTrue(server.queryNames(new ObjectName("dev.sxs:*"), null).size() >= 10);
        assertTrue(server.queryNames(new ObjectName("dev.sxs.metrics:*"), null).size() > 60);
        assertEquals("stopped", server.invoke(name, "stop", new Object[] {"stop"},
            new String[] {String.class.getName()}));
        assertFalse(server.isRegistered(name));
        assertEquals(0, server.queryNames(new ObjectName("dev.sxs:*"), null).size(), "no sxs MBean left");
        assertEquals(0, server.queryNames(new ObjectName("dev.sxs.metrics:*"), null).size(), "no metric MBean left");
        assertNull(SxsAgent.current());
        assertTrue(agent.stopped());
        assertEquals(List.of(new ErrorValue("runtime is closed")),
            agent.runtime().runtime().eval("(core/kv/get a)", null));
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            assertFalse(t.getName().startsWith("sxs-mgmt") || t.getName()
                .equals(ChronicleHousekeeping.RELEASER_THREAD_NAME), t.getName());
        }
        final SxsAgent again = SxsAgent.start(Config.parse(Map.of("data", dir.resolve("data").toString())));
        assertTrue(server.isRegistered(name));
        again.stop();
    }

    @Test
    void shouldRefuseASecondStart()
    {
        SxsAgent.start(Config.parse(Map.of()));
        assertThrows(IllegalStateException.class, () -> SxsAgent.start(Config.parse(Map.of())));
    }
}
