package dev.sxs.jmx.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;

class RuntimeViewTest
{
    @Test
    void shouldEvaluateThroughTheGatewayAndPrintEachValue()
    {
        try (SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")), LogSink.NONE))
        {
            final RuntimeView view = new RuntimeView(runtime.config(), runtime.gateway(), () -> "stopped");
            assertEquals(List.of("true", "2", "@\"key not found: b\""), view.eval(ScriptSubmission.of(
                "(core/kv/set a 2) (core/kv/get a) (core/kv/get b)", Principal.jmx("local"), "Runtime.eval",
                SessionRequest.FRESH)));
        }
    }

    @Test
    void shouldShowTheDataFolderAbsoluteAndNormalized()
    {
        final RuntimeView view = new RuntimeView(Config.parse(Map.of("data", "./sxs-data")), null, () -> "stopped");
        assertEquals(Path.of("sxs-data").toAbsolutePath(), view.dataFolder());
    }

    @Test
    void shouldShowTheJournalFolderInUseWhenItIsTheDefault()
    {
        final RuntimeView view = new RuntimeView(Config.parse(Map.of("data", "./sxs-data")), null, () -> "stopped");
        assertEquals(Path.of("sxs-data", "journal").toAbsolutePath().toString(),
            view.configuration().get("journal.dir"));
        assertEquals("./sxs-data", view.configuration().get("data"));
    }

    @Test
    void shouldShowNoDataFolderInMemory()
    {
        assertNull(new RuntimeView(Config.defaults(), null, () -> "stopped").dataFolder());
    }
}
