package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.events.Subscription;
import dev.sxs.gateway.Gateway;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The language's checks, each allowed and denied, as a non-root entity, and the scope-escape attempts of the
 * safe-guest issue repeated as that entity: keys, iterate, core/expr/eval, stored functions, handlers, await.
 */
class ScriptChecksTest
{
    private static final String SHOP = "shop-a";

    private final SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")),
        LogSink.NONE);
    private final Gateway gateway = runtime.gateway();
    private final Entities entities = runtime.entities();

    ScriptChecksTest()
    {
        entities.create(SHOP);
        entities.change(SHOP, e -> e.withHome("shop-a:").with(ScopeGrant.parse("RW", "shop-a:"))
            .with(EventGrant.parse("PS", "A:1-9")));
        runtime.eval("(core/kv/set shop-b:secret 42) (core/kv/set shop-a:mine 1)", "");
    }

    @AfterEach
    void close()
    {
        runtime.close();
    }

    private Value run(final String script) throws Exception
    {
        return run(script, SessionRequest.FRESH);
    }

    private Value run(final String script, final SessionRequest session) throws Exception
    {
        final List<Value> values = gateway.submit(ScriptSubmission.of(script, Principal.jmx(SHOP), "Runtime.eval",
            session)).get(10, TimeUnit.SECONDS);
        return values.get(values.size() - 1);
    }

    private void revoke(final String rights, final String target)
    {
        entities.change(SHOP, e -> rights.matches("[RW]+") ? e.without(ScopeGrant.parse(rights, target))
            : e.without(EventGrant.parse(rights, target)));
    }

    private static ErrorValue denied(final String what)
    {
        return new ErrorValue("entity 'shop-a' may not " + what);
    }

    @Test
    void shouldReadWithROnly() throws Exception
    {
        assertEquals(IntValue.of(1), run("(core/kv/get mine)"));
        assertEquals(SymValue.TRUE, run("(core/kv/exists mine)"));
        assertEquals(IntValue.of(1), run("(core/kv/iterate \"\" 0 10 {true})"));
        revoke("W", "shop-a:");
        assertEquals(IntValue.of(1), run("(core/kv/get mine)"));
        revoke("R", "shop-a:");
        assertEquals(denied("use scope 'shop-a:'"), run("(core/kv/get mine)"), "no right left on its scope");
        entities.change(SHOP, e -> e.with(ScopeGrant.parse("W", "shop-a:")));
        assertEquals(denied("read scope 'shop-a:'"), run("(core/kv/get mine)"));
        assertEquals(denied("read scope 'shop-a:'"), run("(core/kv/exists mine)"));
        assertEquals(denied("read scope 'shop-a:'"), run("(core/kv/iterate \"\" 0 10 {true})"));
        assertEquals(SymValue.TRUE, run("(core/kv/set k 1)"), "write-only still writes");
    }

    @Test
    void shouldWriteWithWOnly() throws Exception
    {
        assertEquals(SymValue.TRUE, run("(core/kv/set k 1)"));
        assertEquals(IntValue.of(2), run("(core/kv/incr k)"));
        assertEquals(SymValue.TRUE, run("(core/kv/cas k 2 3)"));
        assertEquals(SymValue.TRUE, run("(core/kv/snx j 1)"));
        assertEquals(SymValue.TRUE, run("(core/kv/del j)"));
        revoke("W", "shop-a:");
        final ErrorValue noWrite = denied("write scope 'shop-a:'");
        assertEquals(noWrite, run("(core/kv/set k 1)"));
        assertEquals(noWrite, run("(core/kv/del k)"));
        assertEquals(noWrite, run("(core/kv/incr k)"));
        assertEquals(noWrite, run("(core/kv/cas k 3 4)"));
        assertEquals(noWrite, run("(core/kv/snx j 1)"));
        assertEquals(IntValue.of(3), run("(core/kv/get k)"));
    }

    @Test
    void shouldPublishWithPThenWithinTheRate() throws Exception
    {
        assertEquals(SymValue.TRUE, run("(core/event/pub A 1 \"x\")"));
        assertEquals(denied("publish on channel A topic 10"), run("(core/event/pub A 10 \"x\")"));
        assertEquals(denied("publish on channel B topic 1"), run("(core/event/pub B 1 \"x\")"));
        entities.change(SHOP, e -> e.withLimits(3, 0));
        assertEquals(denied("publish more than 3 events a second"),
            run("(core/event/pub A 1 1) (core/event/pub A 1 2) (core/event/pub A 1 3) (core/event/pub A 1 4)"));
        assertEquals(denied("publish on channel A topic 10"), run("(core/event/pub A 10 \"x\")"),
            "the permission is checked before the rate");
        revoke("P", "A:1-9");
        assertEquals(denied("publish on channel A topic 1"), run("(core/event/pub A 1 \"x\")"));
    }

    @Test
    void shouldSubscribeAndAwaitWithS() throws Exception
    {
        assertEquals(SymValue.TRUE, run("(core/event/sub A 2 {true})", new SessionRequest("h", null, false)));
        assertEquals(IntValue.of(7), run("(core/expr/await (core/event/pub A 3 7) A 3 5000)"));
        assertEquals(denied("subscribe to channel A topic 10"), run("(core/event/sub A 10 {true})"));
        assertEquals(denied("subscribe to channel A topic 10"), run("(core/expr/await 1 A 10 10)"));
        revoke("S", "A:1-9");
        assertEquals(denied("subscribe to channel A topic 3"), run("(core/expr/await 1 A 3 10)"));
        assertEquals(denied("subscribe to channel A topic 2"), run("(core/event/sub A 2 {true})"));
    }

    @Test
    void shouldStopAHandlerAtTheNextDeliveryOnceRevoked() throws Exception
    {
        run("(core/event/sub A 4 {(core/kv/incr seen)})", new SessionRequest("h", null, false));
        final CountDownLatch[] after = {new CountDownLatch(1)};
        final Subscription witness = runtime.dispatcher().subscribe(Channel.A, 4, event -> after[0].countDown(), -1,
            "shop-a:");
        runtime.eval("(core/event/pub A 4 1)", "shop-a:");
        assertTrue(after[0].await(10, TimeUnit.SECONDS));
        assertEquals(IntValue.of(1), runtime.eval("(core/kv/get shop-a:seen)", "").get(0));
        revoke("S", "A:1-9");
        after[0] = new CountDownLatch(1);
        final long before = entities.denials();
        runtime.eval("(core/event/pub A 4 2)", "shop-a:");
        assertTrue(after[0].await(10, TimeUnit.SECONDS), "handlers of a topic run in order: the witness is after it");
        assertEquals(IntValue.of(1), runtime.eval("(core/kv/get shop-a:seen)", "").get(0), "the body did not run");
        assertEquals(before + 1, entities.denials());
        witness.close();
    }

    @Test
    void shouldSeeEventGrantsAndRevokesInAnOpenSession() throws Exception
    {
        final SessionRequest open = new SessionRequest("p", null, false);
        assertEquals(SymValue.TRUE, run("(core/event/pub A 1 \"x\")", open));
        assertEquals(denied("publish on channel A topic 20"), run("(core/event/pub A 20 \"x\")", open));
        assertEquals(denied("subscribe to channel A topic 20"), run("(core/expr/await 1 A 20 10)", open));
        entities.change(SHOP, e -> e.with(EventGrant.parse("PS", "A:20")));
        assertEquals(SymValue.TRUE, run("(core/event/pub A 20 \"x\")", open), "the grant takes effect at once");
        assertEquals(IntValue.of(7), run("(core/expr/await (core/event/pub A 20 7) A 20 5000)", open));
        revoke("P", "A:1-9");
        assertEquals(denied("publish on channel A topic 1"), run("(core/event/pub A 1 \"x\")", open),
            "the revoke takes effect at once");
        assertEquals(SymValue.TRUE, run("(core/event/pub A 20 \"x\")", open), "other grants stay");
    }

    @Test
    void shouldRunAHandlerAgainOnceRegranted() throws Exception
    {
        run("(core/event/sub A 5 {(core/kv/incr seen)})", new SessionRequest("h", null, false));
        publishAndWait(1);
        revoke("S", "A:1-9");
        publishAndWait(2);
        assertEquals(IntValue.of(1), runtime.eval("(core/kv/get shop-a:seen)", "").get(0), "skipped while revoked");
        entities.change(SHOP, e -> e.with(EventGrant.parse("S", "A:5")));
        publishAndWait(3);
        assertEquals(IntValue.of(2), runtime.eval("(core/kv/get shop-a:seen)", "").get(0),
            "the grant lets the next delivery run the body");
    }

    /** Publish on A 5 and wait for a witness subscribed after the handler (handlers of a topic run in order). */
    private void publishAndWait(final int data) throws Exception
    {
        final CountDownLatch delivered = new CountDownLatch(1);
        final Subscription witness = runtime.dispatcher().subscribe(Channel.A, 5, event -> delivered.countDown(), -1,
            "shop-a:");
        runtime.eval("(core/event/pub A 5 " + data + ")", "shop-a:");
        assertTrue(delivered.await(10, TimeUnit.SECONDS));
        witness.close();
    }

    @Test
    void shouldKeepEveryEscapeInsideItsScope() throws Exception
    {
        assertEquals(new ErrorValue("key not found: shop-b:secret"), run("(core/kv/get shop-b:secret)"),
            "a key naming another scope stays inside its own");
        assertEquals(IntValue.of(1), run("(core/kv/iterate \"\" 0 100 {(core/util/log $key)})"),
            "iterate lists its own keys only");
        assertEquals(new ErrorValue("core/kv/iterate: PREFIX must not contain the character U+0000 (reserved for"
            + " sxs's own keys)"), run("(core/kv/iterate \"\0\" 0 100 {true})"));
        assertEquals(new ErrorValue("core/kv/get: KEY must not contain the character U+0000 (reserved for sxs's own"
            + " keys)"), run("(core/kv/get \"\0entity:shop-a\")"));
        assertEquals(denied("use scope ''"), run("(core/kv/get shop-b:secret)", SessionRequest.fresh("")));
        assertEquals(denied("use scope 'shop-b:'"), run("(core/kv/get secret)", SessionRequest.fresh("shop-b:")));
        revoke("W", "shop-a:");
        assertEquals(denied("write scope 'shop-a:'"), run("(core/expr/eval \"(core/kv/set k 1)\")"),
            "eval runs as the same entity");
        assertEquals(denied("write scope 'shop-a:'"), run("(core/fn/def f () {(core/kv/set k 1)})"));
        runtime.eval("(core/fn/def f () {(core/kv/set k 1)})", "shop-a:");
        assertEquals(denied("write scope 'shop-a:'"), run("(core/fn/call f)"),
            "a stored function runs as its caller");
        runtime.eval("(core/fn/def g () {42})", "shop-b:");
        assertEquals(new ErrorValue("core/fn/call: no function 'g'"), run("(core/fn/call g)"));
        assertEquals(denied("subscribe to channel A topic 20"),
            run("(core/expr/await (core/kv/get mine) A 20 10)"), "await checks before it runs its body");
    }
}
