package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.Replay;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.RepublishSink;
import dev.sxs.lang.ErrorValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.runtime.ValuePayloadCodec;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal records a script's scope, not who submitted it, so a replayed script runs as root in that scope,
 * whatever {@code entity.local} is: a command its entity was denied originally does run on replay
 * (docs/entities.md, "Replay").
 */
class ReplayAsRootTest
{
    @TempDir
    Path dir;

    private static Config config(final Path data)
    {
        return Config.defaults().with(Map.of("data", data.toString(), "kv.entries", "1000", "entity.local", "clerk"));
    }

    @Test
    void shouldRunAReplayedScriptAsRootInItsRecordedScope() throws Exception
    {
        final Path live = dir.resolve("live");
        try (SxsRuntime runtime = SxsRuntime.start(config(live), LogSink.NONE))
        {
            runtime.entities().create("shop-a");
            runtime.entities().change("shop-a", e -> e.withHome("shop-a:").with(ScopeGrant.parse("R", "shop-a:")));
            final List<Value> values = runtime.gateway().submit(ScriptSubmission.of("(core/kv/set k 1)",
                Principal.jmx("shop-a"), "Runtime.eval", SessionRequest.FRESH)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(new ErrorValue("entity 'shop-a' may not write scope 'shop-a:'")), values);
        }

        final Path rebuilt = dir.resolve("rebuilt");
        try (SxsRuntime runtime = SxsRuntime.start(config(rebuilt), LogSink.NONE);
             JournalReader reader = JournalReader.open(live.resolve("journal")))
        {
            assertEquals("root", runtime.gateway().replaySession("shop-a:").entity(),
                "not the local entity 'clerk', which does not even exist");
            final RepublishSink sink = new RepublishSink(ValuePayloadCodec.INSTANCE, runtime.gateway()::republish,
                true);
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state(), progress::toString);
            assertTrue(runtime.dispatcher().drain(10_000));
            assertEquals("1", runtime.store().get("shop-a:k"), "the write denied to shop-a ran as root on replay");
        }
    }
}
