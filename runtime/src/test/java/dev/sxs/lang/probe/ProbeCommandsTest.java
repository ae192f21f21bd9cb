package dev.sxs.lang.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.entity.EventGrant;
import dev.sxs.entity.ScopeGrant;
import dev.sxs.events.Channel;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;
import dev.sxs.session.SessionResources;
import dev.sxs.session.SxsSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeCommandsTest
{
    private SxsRuntime runtime;

    /** A registry that records what the commands ask and answers like the agent's. */
    private static final class RecordingRegistry implements ProbeRegistry, SessionResources
    {
        private final List<ProbeSpec> on = new ArrayList<>();

        @Override
        public int on(final ProbeSpec spec) throws ProbeException
        {
            if (spec.classPattern().equals("com.shop.Missing"))
            {
                throw new ProbeException("cannot instrument com.shop.Missing: broken");
            }
            on.add(spec);
            return 3;
        }

        @Override
        public int off(final String classPattern, final String methodPattern)
        {
            return on.removeIf(s -> s.targets(classPattern, methodPattern)) ? 1 : 0;
        }

        @Override
        public boolean ownedBy(final long sessionId)
        {
            return on.stream().anyMatch(s -> s.owner() == sessionId);
        }

        @Override
        public int removeOwnedBy(final long sessionId)
        {
            final int before = on.size();
            on.removeIf(s -> s.owner() == sessionId);
            return before - on.size();
        }

        @Override
        public List<ProbeInfo> list()
        {
            final List<ProbeInfo> out = new ArrayList<>();
            for (final ProbeSpec s : on)
            {
                out.add(new ProbeInfo(s, 3, 10, 8, 1, 1));
            }
            return out;
        }
    }

    @AfterEach
    void close()
    {
        if (runtime != null)
        {
            runtime.close();
        }
    }

    private String eval(final String source)
    {
        final List<String> out = new ArrayList<>();
        for (final Value v : runtime.eval(source, "shop"))
        {
            out.add(Printer.print(v));
        }
        return String.join("\n", out);
    }

    private RecordingRegistry start()
    {
        runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")));
        final RecordingRegistry registry = new RecordingRegistry();
        runtime.interpreter().services().put(ProbeRegistry.class, registry);
        return registry;
    }

    @Test
    void shouldSayProbesNeedTheAgentWhenTheRuntimeHasNoInstrumentation()
    {
        runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")));
        final String error = "@\"core/probe/%s: probes need the sxs agent in a JVM (-javaagent or sxs attach); "
            + "this runtime has no instrumentation\"";
        assertEquals(String.format(error, "on") + "\n" + String.format(error, "off") + "\n"
            + String.format(error, "list"), eval("(core/probe/on com.shop.Orders place A 1)\n"
            + "(core/probe/off com.shop.Orders place)\n(core/probe/list)"));
    }

    @Test
    void shouldInstallAProbeOwnedByTheSessionInItsScope()
    {
        final RecordingRegistry registry = start();
        assertEquals("3", eval("(core/probe/on \"com.shop.Orders\" place $CHANNEL_B 7 \"cap=5 tostring=true\")"));
        final ProbeSpec spec = registry.on.get(0);
        assertEquals("com.shop.Orders", spec.classPattern());
        assertEquals("place", spec.methodPattern());
        assertEquals(Channel.B, spec.channel());
        assertEquals(7, spec.topic());
        assertEquals("shop", spec.scope());
        assertEquals(5, spec.options().perSecond());
        assertEquals(true, spec.options().describe());
        assertEquals(true, spec.owner() > 0);
        assertEquals("[[\"com.shop.Orders\" \"place\" B 7 3 10 8 1 1 " + spec.owner() + "]]",
            eval("(core/probe/list)"));
        assertEquals("1\n0\n[]", eval("(core/probe/off com.shop.Orders place)\n(core/probe/off com.shop.Orders place)\n"
            + "(core/probe/list)"));
    }

    @Test
    void shouldLetOnlyAnAdminEntityProbeTheHost() throws Exception
    {
        final RecordingRegistry registry = start();
        runtime.entities().create("shop-a");
        runtime.entities().change("shop-a", e -> e.withHome("shop:").with(ScopeGrant.parse("RW", "shop:"))
            .with(EventGrant.parse("PS", "*:*")));
        final String denied = "@\"entity 'shop-a' may not probe the host's methods (needs the admin right)\"";
        for (final String script : List.of("(core/probe/on com.shop.Orders place A 1)",
            "(core/probe/off com.shop.Orders place)"))
        {
            final List<Value> values = runtime.gateway().submit(ScriptSubmission.of(script, Principal.jmx("shop-a"),
                "Runtime.eval", SessionRequest.fresh("shop:"))).get(10, TimeUnit.SECONDS);
            assertEquals(denied, Printer.print(values.get(0)), script + ": a probe sees every tenant's calls");
        }
        assertEquals(List.of(), registry.on, "nothing was installed");
    }

    @Test
    void shouldKeepTheInstallingSessionOpenUntilClosedAndThenRemoveItsProbes()
    {
        final RecordingRegistry registry = start();
        runtime.sessions().own(registry);
        assertEquals("3", eval("(core/probe/on com.shop.Orders place A 1)"));
        final long owner = registry.on.get(0).owner();
        final SxsSession session = runtime.sessions().find(Long.toString(owner));
        assertNotNull(session, "an unnamed session owning a probe stays open after its script");
        runtime.sessions().close(session);
        assertEquals(List.of(), registry.on);
        assertNull(runtime.sessions().find(Long.toString(owner)));
    }

    @Test
    void shouldGiveAPreciseErrorForEveryBadArgument()
    {
        start();
        assertEquals("@\"core/probe/on: expects CLASS METHOD CHANNEL TOPIC [OPTIONS]\"", eval("(core/probe/on a b)"));
        assertEquals("@\"core/probe/on: refused: java.lang.String is JDK code sxs runs itself (a probe there would "
            + "recurse)\"", eval("(core/probe/on java.lang.String length A 1)"));
        assertEquals("@\"core/probe/on: bad channel X (expected $CHANNEL_A..$CHANNEL_F or A..F)\"",
            eval("(core/probe/on a.B m X 1)"));
        assertEquals("@\"core/probe/on: TOPIC must be an integer 0..65535, got 70000\"",
            eval("(core/probe/on a.B m A 70000)"));
        assertEquals("@\"core/probe/on: unknown option 'speed' (args, result, time, tostring, maxstr, sample, cap)\"",
            eval("(core/probe/on a.B m A 1 \"speed=2\")"));
        assertEquals("@\"core/probe/on: cannot instrument com.shop.Missing: broken\"",
            eval("(core/probe/on com.shop.Missing m A 1)"));
        assertEquals("@\"core/probe/off: expects CLASS METHOD\"", eval("(core/probe/off a)"));
    }
}
