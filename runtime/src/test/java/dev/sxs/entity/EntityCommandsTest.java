package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.ErrorValue;
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

/** {@code core/entity/*}: admins manage entities from scripts, every change audited; others are denied. */
class EntityCommandsTest
{
    private final SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")),
        LogSink.NONE);
    private final List<String> audit = new CopyOnWriteArrayList<>();

    EntityCommandsTest()
    {
        runtime.gateway().auditTo((who, action, detail) -> audit.add(who + " " + action + " " + detail));
    }

    @AfterEach
    void close()
    {
        runtime.close();
    }

    private Value run(final String script, final Principal who) throws Exception
    {
        final List<Value> values = runtime.gateway().submit(ScriptSubmission.of(script, who, "Runtime.eval",
            SessionRequest.fresh(""))).get(10, TimeUnit.SECONDS);
        return values.get(values.size() - 1);
    }

    @Test
    void shouldManageEntitiesAsAnAdmin() throws Exception
    {
        assertEquals(SymValue.TRUE, run("(core/entity/create shop-a) (core/entity/grant shop-a RW \"shop-a:\")"
            + " (core/entity/grant shop-a PS \"A:1-9\") (core/entity/limit shop-a 5 2)"
            + " (core/entity/home shop-a \"shop-a:\")", Principal.jmx("local")));
        assertEquals(new StrValue("shop-a home='shop-a:' rate=5 sessions=2 grants=RW shop-a:, PS A:1-9"),
            run("(core/entity/show shop-a)", Principal.jmx("local")));
        assertEquals(SymValue.TRUE, run("(core/entity/revoke shop-a P \"A:1-9\")", Principal.jmx("local")));
        assertEquals("shop-a home='shop-a:' rate=5 sessions=2 grants=RW shop-a:, S A:1-9",
            Entities.describe(runtime.entities().find("shop-a").current()));
        assertEquals(new ErrorValue("core/entity/grant: rights must be R, W, RW (on a scope) or P, S, PS (on"
            + " CHANNEL:TOPICS), got 'RX'"),
            run("(core/entity/grant shop-a RX s)", Principal.jmx("local")));
        assertEquals(new ErrorValue("core/entity/create: entity 'shop-a' exists"),
            run("(core/entity/create shop-a)", Principal.jmx("local")));
        assertEquals("jmx:local Entity.change create shop-a", audit.get(1));
        assertEquals("jmx:local Entity.change revoke shop-a P A:1-9", audit.get(audit.size() - 3));
    }

    @Test
    void shouldDenyEveryoneWithoutTheAdminRight() throws Exception
    {
        runtime.entities().create("shop-a");
        runtime.entities().grant("shop-a", "RW", "*");
        assertEquals(new ErrorValue("entity 'shop-a' may not manage entities"),
            run("(core/entity/grant shop-a RW \"*\")", Principal.jmx("shop-a")));
        assertEquals(new ErrorValue("entity 'shop-a' may not manage entities"),
            run("(core/entity/list)", Principal.jmx("shop-a")));
        runtime.entities().change("shop-a", e -> e.withAdmin(true));
        assertEquals("[\"root\" \"shop-a\"]", run("(core/entity/list)", Principal.jmx("shop-a")).print());
        assertEquals(new ErrorValue("core/entity/delete: entity 'root' is built in: it has every right and cannot"
            + " change"), run("(core/entity/delete root)", Principal.jmx("shop-a")));
    }
}
