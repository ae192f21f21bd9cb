package dev.sxs.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.sxs.entity.Entities;
import dev.sxs.entity.EventGrant;
import dev.sxs.entity.ScopeGrant;
import dev.sxs.events.Channel;
import dev.sxs.events.Publication;
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

/** The gateway's entity checks: who is who, scopes, sessions, events, denials counted and audited. */
class EntityChecksTest
{
    private final SxsRuntime runtime = SxsRuntime.start(
        Config.defaults().with(Map.of("kv.entries", "1000", "scope", "app:")), LogSink.NONE);
    private final Gateway gateway = runtime.gateway();
    private final Entities entities = runtime.entities();
    private final List<String> audit = new CopyOnWriteArrayList<>();

    EntityChecksTest()
    {
        gateway.auditTo((who, action, detail) -> audit.add(who + " " + action + " " + detail));
        entities.create("shop-a");
        entities.change("shop-a", e -> e.withHome("shop-a:").with(ScopeGrant.parse("RW", "shop-a:"))
            .with(EventGrant.parse("PS", "A:1-9")));
    }

    @AfterEach
    void close()
    {
        runtime.close();
    }

    private List<Value> run(final String script, final Principal who, final SessionRequest session) throws Exception
    {
        return gateway.submit(ScriptSubmission.of(script, who, "Runtime.eval", session)).get(10, TimeUnit.SECONDS);
    }

    private static List<Value> error(final String message)
    {
        return List.of(new ErrorValue(message));
    }

    @Test
    void shouldRunLocalCallersAsRootWithEveryRight() throws Exception
    {
        assertEquals(List.of(SymValue.TRUE), run("(core/kv/set k 1)", Principal.jmx("local"), SessionRequest.FRESH));
        assertEquals(List.of(IntValue.of(1)), run("(core/kv/get app:k)", Principal.cli("local"),
            SessionRequest.fresh("")));
        assertEquals(List.of(IntValue.of(1)), runtime.eval("(core/kv/get k)", null));
        assertEquals(0, entities.denials());
    }

    @Test
    void shouldRunARemoteUserAsTheEntityOfTheSameNameInItsHomeScope() throws Exception
    {
        assertEquals(List.of(SymValue.TRUE), run("(core/kv/set k 1)", Principal.jmx("shop-a"), SessionRequest.FRESH));
        assertEquals(List.of(IntValue.of(1)), runtime.eval("(core/kv/get shop-a:k)", ""));
        assertEquals(error("entity 'shop-a' may not use scope ''"),
            run("(core/kv/get shop-a:k)", Principal.jmx("shop-a"), SessionRequest.fresh("")));
        assertEquals(error("entity 'shop-a' may not use scope 'shop-b:'"),
            run("1", Principal.cli("shop-a"), SessionRequest.fresh("shop-b:")));
        assertEquals(error("entity 'shop-a' may not use scope 'app:'"),
            run("1", Principal.jmx("shop-a"), SessionRequest.fresh("app:")), "the runtime's default is not its home");
    }

    @Test
    void shouldLetAFreshEntityDoNothingAndAnUnknownUserRunAsTheLocalEntity() throws Exception
    {
        entities.create("nobody");
        assertEquals(error("entity 'nobody' may not use scope 'app:'"),
            run("1", Principal.jmx("nobody"), SessionRequest.FRESH));
        assertEquals(Gateway.NOT_PERMITTED, gateway.publish(new EventSubmission(Channel.A, 1, IntValue.of(1),
            Principal.jmx("nobody"), "Channel.A.publish", null)));
        assertEquals(List.of(IntValue.of(1)), run("1", Principal.jmx("admin"), SessionRequest.FRESH),
            "no entity 'admin': root, as before entities");
    }

    @Test
    void shouldRunEveryoneAsAConfiguredLocalEntity() throws Exception
    {
        gateway.checkEntities(entities, new EntityMapping("shop-a").with(dev.sxs.session.Origin.BOOT, "root"));
        assertEquals(error("entity 'shop-a' may not use scope ''"),
            run("1", Principal.jmx("local"), SessionRequest.fresh("")));
        assertEquals(error("entity 'shop-a' may not use scope ''"),
            run("1", Principal.jmx("stranger"), SessionRequest.fresh("")));
        assertEquals(List.of(IntValue.of(1)), run("1", Principal.BOOT, SessionRequest.fresh("")));
    }

    @Test
    void shouldRefuseAHiddenScopeEvenToRoot() throws Exception
    {
        assertEquals(error("Runtime.eval: scope must not contain the character U+0000 (reserved for sxs's own keys)"),
            run("(core/kv/iterate \"\" 0 10 {(core/util/log $key)})", Principal.jmx("local"),
                SessionRequest.fresh(Entities.PREFIX)));
    }

    @Test
    void shouldActAsAnotherEntityOnlyWithTheAdminRight() throws Exception
    {
        assertEquals(List.of(SymValue.TRUE), run("(core/kv/set k 2)", Principal.cli("local").as("shop-a"),
            SessionRequest.FRESH));
        assertEquals(List.of(IntValue.of(2)), runtime.eval("(core/kv/get shop-a:k)", ""));
        assertEquals(error("entity 'shop-a' may not act as entity 'root'"),
            run("1", Principal.jmx("shop-a").as("root"), SessionRequest.FRESH));
        assertEquals(error("no entity 'ghost'"), run("1", Principal.cli("local").as("ghost"), SessionRequest.FRESH));
        entities.change("shop-a", e -> e.withAdmin(true));
        entities.create("shop-b");
        entities.change("shop-b", e -> e.with(ScopeGrant.parse("R", "shop-b:")));
        assertEquals(error("entity 'shop-b' may not write scope 'shop-b:'"),
            run("(core/kv/set k 1)", Principal.jmx("shop-a").as("shop-b"), SessionRequest.fresh("shop-b:")));
    }

    @Test
    void shouldLimitOpenSessionsAndKeepNamedSessionsToTheirEntity() throws Exception
    {
        entities.change("shop-a", e -> e.withLimits(0, 1));
        assertEquals(List.of(SymValue.TRUE),
            run("true", Principal.jmx("shop-a"), new SessionRequest("s1", null, false)));
        assertEquals(error("entity 'shop-a' may not open more than 1 sessions"),
            run("1", Principal.jmx("shop-a"), new SessionRequest("s2", null, false)));
        assertEquals(List.of(IntValue.of(3)), run("3", Principal.jmx("shop-a"), new SessionRequest("s1", null, false)),
            "its open session is still its own");
        assertEquals(error("entity 'root' may not use session 's1' of entity 'shop-a'"),
            run("1", Principal.jmx("local"), new SessionRequest("s1", null, false)));
        entities.create("eve");
        assertEquals(-1, gateway.closeSession(Principal.jmx("eve"), "s1"));
        assertEquals(0, gateway.closeSession(Principal.jmx("shop-a"), "s1"));
        assertEquals(List.of(IntValue.of(4)), run("4", Principal.jmx("shop-a"), SessionRequest.FRESH),
            "closing gave the session back");
    }

    @Test
    void shouldCheckEventsFromJmxThenTheRateLimit()
    {
        final EventSubmission granted = new EventSubmission(Channel.A, 5, IntValue.of(1), Principal.jmx("shop-a"),
            "Channel.A.publish", null);
        assertTrue(Publication.isAccepted(gateway.publish(granted)));
        assertEquals(Gateway.NOT_PERMITTED, gateway.publish(new EventSubmission(Channel.A, 10, IntValue.of(1),
            Principal.jmx("shop-a"), "Channel.A.publish", null)));
        assertEquals(Gateway.NOT_PERMITTED, gateway.publish(new EventSubmission(Channel.A, 5, IntValue.of(1),
            Principal.jmx("shop-a"), "Channel.A.publish", "shop-b:")));
        entities.change("shop-a", e -> e.withLimits(2, 0));
        assertTrue(Publication.isAccepted(gateway.publish(granted)));
        assertTrue(Publication.isAccepted(gateway.publish(granted)));
        assertEquals(Gateway.RATE_LIMITED, gateway.publish(granted));
        assertEquals("over the entity's rate limit", Gateway.describe(Gateway.RATE_LIMITED));
    }

    @Test
    void shouldCountAndAuditEveryDenial() throws Exception
    {
        run("1", Principal.jmx("shop-a"), SessionRequest.fresh("shop-b:"));
        gateway.publish(new EventSubmission(Channel.B, 1, IntValue.of(1), Principal.jmx("shop-a"), "Channel.B.publish",
            null));
        run("(core/event/pub A 99 1)", Principal.jmx("shop-a"), SessionRequest.FRESH);
        assertEquals(3, entities.denials());
        assertEquals(List.of(
            "jmx:shop-a Entity.denied entity 'shop-a' may not use scope 'shop-b:'",
            "jmx:shop-a Entity.denied entity 'shop-a' may not publish on channel B topic 1",
            "jmx:shop-a Runtime.eval scope=shop-a: (core/event/pub A 99 1)",
            "jmx:shop-a Entity.denied entity 'shop-a' may not publish on channel A topic 99"), audit);
    }
}
