package dev.sxs.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.events.Publication;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayTest
{
    private final SxsRuntime runtime = SxsRuntime.start(
        Config.defaults().with(Map.of("kv.entries", "1000", "scope", "app:")), LogSink.NONE);
    private final Gateway gateway = runtime.gateway();
    private final List<String> audit = new CopyOnWriteArrayList<>();

    GatewayTest()
    {
        gateway.auditTo((who, action, detail) -> audit.add(who + " " + action + " " + detail));
    }

    @AfterEach
    void close()
    {
        runtime.close();
    }

    private List<Value> submit(final String script, final Principal who, final SessionRequest session) throws Exception
    {
        return gateway.submit(ScriptSubmission.of(script, who, "Runtime.eval", session)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldResolveTheDefaultScopeForEveryWayIn() throws Exception
    {
        assertEquals(List.of(SymValue.TRUE), submit("(core/kv/set k 1)", Principal.jmx("local"), SessionRequest.FRESH));
        assertEquals(List.of(IntValue.of(1)), runtime.eval("(core/kv/get k)", null), "the API's default is the same");
        assertEquals(List.of(IntValue.of(1)), runtime.eval("(core/kv/get app:k)", ""));
        assertEquals("app:", gateway.resolveScope(null));
        assertEquals("", gateway.resolveScope(""));
        assertTrue(Publication.isAccepted(gateway.publish(new EventSubmission(Channel.A, 1, IntValue.of(5),
            Principal.API, "api", null))));
    }

    @Test
    void shouldAuditTheManagementWaysInOnly() throws Exception
    {
        submit("1", Principal.jmx("admin"), SessionRequest.fresh(""));
        submit("2", Principal.cli("local"), new SessionRequest("s1", "t:", true));
        submit("3", Principal.API, SessionRequest.FRESH);
        submit("4", Principal.BOOT, SessionRequest.FRESH);
        gateway.publish(new EventSubmission(Channel.B, 9, new StrValue("x"), Principal.jmx("admin"),
            "Channel.B.publish", ""));
        gateway.closeSession(Principal.cli("local"), "s1");
        assertEquals(List.of("jmx:admin Runtime.eval 1", "cli:local Runtime.eval session=s1 replace scope=t: 2",
            "jmx:admin Channel.B.publish topic=9 \"x\"", "cli:local Sessions.close s1"), audit);
    }

    @Test
    void shouldRefuseWhatThePolicyForbids() throws Exception
    {
        gateway.permitWith(submission -> submission.principal().origin() != dev.sxs.session.Origin.JMX);
        assertEquals(List.of(new ErrorValue("Runtime.eval: not permitted for jmx:eve")),
            submit("(core/kv/set k 1)", Principal.jmx("eve"), SessionRequest.FRESH));
        assertEquals(Gateway.NOT_PERMITTED, gateway.publish(new EventSubmission(Channel.A, 1, IntValue.of(1),
            Principal.jmx("eve"), "Channel.A.publish", "")));
        assertEquals("not permitted", Gateway.describe(Gateway.NOT_PERMITTED));
        assertEquals(List.of(), audit, "refused before anything ran or was recorded");
        assertEquals(List.of(IntValue.of(2)), submit("2", Principal.cli("local"), SessionRequest.FRESH));
    }

    @Test
    void shouldRefuseAnotherScopeForAnOpenNamedSession() throws Exception
    {
        submit("1", Principal.cli("local"), SessionRequest.named("s1", "a:"));
        assertEquals(List.of(new ErrorValue("session s1 runs in scope \"a:\", not \"b:\" (close it, or use replace)")),
            submit("1", Principal.cli("local"), SessionRequest.named("s1", "b:")));
        assertEquals(List.of(IntValue.of(3)), submit("3", Principal.cli("local"), SessionRequest.named("s1", null)));
    }

    @Test
    void shouldRunEverySubmissionOfANamedSessionOnItsProcessor() throws Exception
    {
        submit("(core/kv/set t 0)", Principal.cli("local"), SessionRequest.named("ordered", ""));
        final List<java.util.concurrent.CompletableFuture<List<Value>>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++)
        {
            futures.add(gateway.submit(ScriptSubmission.of("(core/kv/get t) (core/kv/incr t)", Principal.cli("local"),
                "x", SessionRequest.named("ordered", null))));
        }
        for (int i = 0; i < 50; i++)
        {
            assertEquals(IntValue.of(i + 1), futures.get(i).get(10, TimeUnit.SECONDS).get(1), "in submission order");
        }
    }

    @Test
    void shouldRefuseEverythingOnceClosed()
    {
        runtime.close();
        assertEquals(List.of(new ErrorValue("runtime is closed")), runtime.eval("1", null));
        assertEquals(Publication.CLOSED,
            gateway.publish(new EventSubmission(Channel.A, 1, IntValue.of(1), Principal.API, "a", "")));
    }
}
