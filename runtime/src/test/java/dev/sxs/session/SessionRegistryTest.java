package dev.sxs.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionRegistryTest
{
    private final SxsRuntime runtime =
        SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")), LogSink.NONE);
    private final SessionRegistry sessions = runtime.sessions();

    @AfterEach
    void close()
    {
        runtime.close();
    }

    private List<Value> run(final String session, final String script) throws Exception
    {
        return runtime.submit(ScriptSubmission.of(script, Principal.cli("local"), "test",
            SessionRequest.named(session, null))).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldShareANamedSessionAndMakeFreshUnnamedOnes()
    {
        final SxsSession s1 = sessions.open("s1", Principal.cli("local"), "", false);
        assertSame(s1, sessions.open("s1", Principal.jmx("admin"), "other:", false));
        assertSame(s1, sessions.find("s1"));
        assertSame(s1, sessions.find(Long.toString(s1.id())));
        final SxsSession a = sessions.open(null, Principal.API, "", false);
        final SxsSession b = sessions.open(null, Principal.API, "", false);
        assertNotSame(a, b);
        assertEquals(SessionRegistry.UNNAMED_TOPIC, a.topic());
        assertEquals(List.of(s1, a, b), sessions.list());
        assertEquals("cli:local", s1.principal().toString());
    }

    @Test
    void shouldListTheHandlersOfASessionAndRemoveThemWhenItCloses() throws Exception
    {
        assertEquals(List.of(SymValue.TRUE, SymValue.TRUE),
            run("s1", "(core/event/sub A 7 { (core/kv/incr n) }) (core/event/sub B 1 {1})"));
        final SxsSession s1 = sessions.named("s1");
        final List<HandlerInfo> handlers = sessions.handlers(s1);
        assertEquals(List.of(new HandlerInfo(s1.id(), Channel.A, 7, Origin.CLI, "{(core/kv/incr n)}"),
            new HandlerInfo(s1.id(), Channel.B, 1, Origin.CLI, "{1}")), handlers);
        assertEquals(2, sessions.close(s1));
        assertEquals(SessionState.CLOSED, s1.state());
        assertNull(sessions.named("s1"));
        assertTrue(runtime.dispatcher().topics(Channel.A).isEmpty());
        assertEquals(0, sessions.close(s1), "closing twice removes nothing");
    }

    @Test
    void shouldLetALaterSubmissionUnsubWhatAnEarlierOneSubscribed() throws Exception
    {
        run("s1", "(core/event/sub A 7 {1})");
        assertEquals(List.of(IntValue.of(0)), runtime.submit("(core/event/unsub A 7)", 0).get(10, TimeUnit.SECONDS),
            "another session owns nothing there");
        assertEquals(List.of(IntValue.of(1)), run("s1", "(core/event/unsub A 7)"));
    }

    @Test
    void shouldCloseTheOldSessionOnReplace() throws Exception
    {
        final String setup = "(core/event/sub A 7 { (core/kv/incr n) })";
        replace(setup);
        final SxsSession first = sessions.named("setup");
        replace(setup);
        final SxsSession second = sessions.named("setup");
        assertNotSame(first, second);
        assertFalse(first.isOpen());
        assertEquals(Map.of(7, 1), runtime.dispatcher().topics(Channel.A), "the handlers are not doubled");
        assertEquals(1, sessions.handlers(second).size());
    }

    private void replace(final String script) throws Exception
    {
        final SessionRequest setup = new SessionRequest("setup", null, true);
        runtime.submit(ScriptSubmission.of(script, Principal.cli("local"), "test", setup)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldKeepUnnamedSessionsOnlyWhileTheyOwnHandlers() throws Exception
    {
        runtime.submit("(core/kv/set a 1)", 0).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), sessions.list(), "nothing left to see or close");
        runtime.submit("(core/event/sub C 3 {1})", 0).get(10, TimeUnit.SECONDS);
        final List<SxsSession> left = sessions.list();
        assertEquals(1, left.size());
        assertEquals(Principal.API, left.get(0).principal());
        assertFalse(left.get(0).isNamed());
    }
}
