package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitiesTest
{
    @Test
    void shouldKeepEntitiesAndGrantsAcrossARestart(@TempDir final Path data)
    {
        final Config config = Config.defaults().with(Map.of("data", data.toString(), "kv.entries", "1000"));
        final List<Entity> before;
        try (SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE))
        {
            final Entities entities = runtime.entities();
            entities.create("shop-a");
            entities.change("shop-a", e -> e.withHome("shop-a:").withLimits(5, 2)
                .with(ScopeGrant.parse("RW", "shop-a:")).with(EventGrant.parse("PS", "A:1-9")));
            entities.create("gone");
            entities.delete("gone");
            before = entities.list();
        }
        try (SxsRuntime runtime = SxsRuntime.start(config, LogSink.NONE))
        {
            assertEquals(before, runtime.entities().list());
            assertEquals(5, runtime.entities().find("shop-a").current().rate());
            assertNull(runtime.entities().find("gone"));
            assertEquals(List.of(IntValue.of(0)), runtime.eval("(core/kv/iterate \"\" 0 100 {true})", ""),
                "no script lists the entities' keys");
        }
    }

    @Test
    void shouldKeepRootBuiltInAndRefuseBadChanges()
    {
        try (SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")),
            LogSink.NONE))
        {
            final Entities entities = runtime.entities();
            assertNotNull(entities.find(Entities.ROOT));
            assertTrue(entities.find(Entities.ROOT).current().isAll());
            assertEquals("entity 'root' is built in: it has every right and cannot change",
                assertThrows(IllegalArgumentException.class, () -> entities.delete("root")).getMessage());
            assertEquals("entity 'root' exists",
                assertThrows(IllegalArgumentException.class, () -> entities.create("root")).getMessage());
            assertEquals("no entity 'x'", assertThrows(IllegalArgumentException.class,
                () -> entities.change("x", e -> e)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> entities.create("has space"));
            assertEquals(0, runtime.store().size(), "root is never stored");
        }
    }
}
