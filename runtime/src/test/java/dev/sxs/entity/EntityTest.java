package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.events.Channel;
import org.junit.jupiter.api.Test;

class EntityTest
{
    @Test
    void shouldAllowNothingWhenFreshAndEverythingAsRoot()
    {
        final Entity fresh = Entity.fresh("shop-a");
        assertFalse(fresh.may(Permission.READ, ""));
        assertFalse(fresh.may(Permission.WRITE, "shop-a:"));
        assertFalse(fresh.may(Permission.PUBLISH, Channel.A, 1));
        assertFalse(fresh.may(Permission.SUBSCRIBE, Channel.A, 1));
        assertFalse(fresh.isAdmin());
        final Entity root = Entity.root("root");
        assertTrue(root.may(Permission.WRITE, "anything:"));
        assertTrue(root.may(Permission.PUBLISH, Channel.F, 65535));
        assertTrue(root.isAdmin());
    }

    @Test
    void shouldCoverAScopeAndTheScopesBelowIt()
    {
        final Entity e = Entity.fresh("a").with(ScopeGrant.parse("R", "shop-a:"));
        assertTrue(e.may(Permission.READ, "shop-a:"));
        assertTrue(e.may(Permission.READ, "shop-a:orders:"));
        assertFalse(e.may(Permission.READ, "shop-b:"));
        assertFalse(e.may(Permission.READ, ""), "the root holds every key: not covered by a grant below it");
        assertFalse(e.may(Permission.WRITE, "shop-a:"));
        assertTrue(Entity.fresh("b").with(ScopeGrant.parse("rw", "*")).may(Permission.WRITE, ""));
    }

    @Test
    void shouldAddAndTakeAwayRightsOnOneTarget()
    {
        Entity e = Entity.fresh("a").with(ScopeGrant.parse("R", "s:")).with(ScopeGrant.parse("W", "s:"));
        assertEquals(1, e.scopeGrants().size());
        assertTrue(e.may(Permission.WRITE, "s:"));
        e = e.without(ScopeGrant.parse("W", "s:"));
        assertTrue(e.may(Permission.READ, "s:"));
        assertFalse(e.may(Permission.WRITE, "s:"));
        e = e.without(ScopeGrant.parse("R", "s:"));
        assertTrue(e.scopeGrants().isEmpty());
        e = e.with(EventGrant.parse("PS", "A:10-19")).without(EventGrant.parse("P", "A:10-19"));
        assertFalse(e.may(Permission.PUBLISH, Channel.A, 10));
        assertTrue(e.may(Permission.SUBSCRIBE, Channel.A, 19));
    }

    @Test
    void shouldReadEventTargets()
    {
        final EventGrant range = EventGrant.parse("P", "A:100-199");
        assertTrue(range.covers(Channel.A, 100));
        assertTrue(range.covers(Channel.A, 199));
        assertFalse(range.covers(Channel.A, 200));
        assertFalse(range.covers(Channel.B, 150));
        assertTrue(EventGrant.parse("S", "*:7").covers(Channel.F, 7));
        assertFalse(EventGrant.parse("S", "*:7").covers(Channel.F, 8));
        assertTrue(EventGrant.parse("PS", "*").covers(Channel.C, 65535));
        assertEquals("B:*", EventGrant.parse("S", "b").target());
        assertThrows(IllegalArgumentException.class, () -> EventGrant.parse("P", "exec:1"));
        assertThrows(IllegalArgumentException.class, () -> EventGrant.parse("X", "A:1"));
        assertThrows(IllegalArgumentException.class, () -> EventGrant.parse("P", "A:9-3"));
        assertThrows(IllegalArgumentException.class, () -> EventGrant.parse("P", "A:70000"));
        assertThrows(IllegalArgumentException.class, () -> ScopeGrant.parse("RWX", "s:"));
    }

    @Test
    void shouldStoreAndReadBackEveryFact()
    {
        final Entity e = Entity.fresh("shop-a").withHome("shop-a:").withLimits(50, 3).withAdmin(true)
            .with(ScopeGrant.parse("RW", "shop-a:")).with(ScopeGrant.parse("R", "odd\nscope\\x"))
            .with(EventGrant.parse("PS", "A:100-199")).with(EventGrant.parse("S", "*:7"));
        final Entity back = EntityCodec.decode("shop-a", EntityCodec.encode(e));
        assertEquals(e, back);
        assertEquals("shop-a:", back.home());
        assertEquals(50, back.rate());
        assertEquals(3, back.maxSessions());
        assertTrue(back.isAdmin());
        assertTrue(back.may(Permission.READ, "odd\nscope\\x"));
        assertEquals(EntityCodec.encode(Entity.root("root")),
            EntityCodec.encode(EntityCodec.decode("root", EntityCodec.encode(Entity.root("root")))));
    }

    @Test
    void shouldSeeAChangeAtTheNextCheck()
    {
        final LiveEntity live = new LiveEntity(Entity.fresh("a").with(ScopeGrant.parse("RW", "a:")), System::nanoTime);
        final Access access = new Access(live, "a:", DenialSink.NONE);
        assertTrue(access.mayWrite());
        live.update(live.current().without(ScopeGrant.parse("W", "a:")));
        assertFalse(access.mayWrite());
        assertTrue(access.mayRead());
        assertEquals("entity 'a' may not write scope 'a:'", access.denyScope(Permission.WRITE));
    }
}
