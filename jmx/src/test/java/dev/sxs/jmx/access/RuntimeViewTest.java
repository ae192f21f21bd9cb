package dev.sxs.jmx.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sxs.runtime.Config;

class RuntimeViewTest
{
    @Test
    void shouldShowTheDataFolderAbsoluteAndNormalized()
    {
        final RuntimeView view = new RuntimeView(Config.parse(Map.of("data", "./sxs-data")), (s, scope) -> List.of(),
            () -> "stopped");
        assertEquals(Path.of("sxs-data").toAbsolutePath(), view.dataFolder());
    }

    @Test
    void shouldShowTheJournalFolderInUseWhenItIsTheDefault()
    {
        final RuntimeView view = new RuntimeView(Config.parse(Map.of("data", "./sxs-data")), (s, scope) -> List.of(),
            () -> "stopped");
        assertEquals(Path.of("sxs-data", "journal").toAbsolutePath().toString(), view.configuration()
            .get("journal.dir"));
        assertEquals("./sxs-data", view.configuration().get("data"));
    }

    @Test
    void shouldShowNoDataFolderInMemory()
    {
        assertNull(new RuntimeView(Config.defaults(), (s, scope) -> List.of(), () -> "stopped").dataFolder());
    }
}
