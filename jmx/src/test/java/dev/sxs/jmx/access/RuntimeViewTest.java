package dev.sxs.jmx.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.sxs.events.Awaiter;
import dev.sxs.events.Channel;
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

    /**
     * The management thread waiting for an eval is interrupted when its caller's timeout passes: the script
     * is then cancelled and its processor (here the only one) answers the next eval at once.
     */
    @Test
    void shouldCancelTheScriptWhenTheWaitingThreadIsInterrupted() throws Exception
    {
        try (SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000",
            "processors", "1", "budget.millis", "60000")), LogSink.NONE))
        {
            final RuntimeView view = new RuntimeView(runtime.config(), runtime.gateway(), () -> "stopped");
            final CompletableFuture<List<String>> stuck = new CompletableFuture<>();
            final Thread caller;
            try (Awaiter started = runtime.dispatcher().listen(Channel.B, 9))
            {
                caller = new Thread(() ->
                {
                    try
                    {
                        stuck.complete(view.eval(ScriptSubmission.of(
                            "(core/expr/await { (core/event/pub $CHANNEL_B 9 1) } $CHANNEL_A 2 60000)",
                            Principal.jmx("local"), "Runtime.eval", SessionRequest.FRESH)));
                    }
                    catch (final IllegalStateException ex)
                    {
                        stuck.completeExceptionally(ex);
                    }
                }, "test-caller");
                caller.start();
                assertNotNull(started.await(10_000), "the script waits in its await");
            }
            caller.interrupt();
            final java.util.concurrent.ExecutionException cancelled = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> stuck.get(5, TimeUnit.SECONDS));
            assertEquals("eval: cancelled, no answer within the call's timeout; the script stopped after 0 of 1 forms",
                cancelled.getCause().getMessage());
            final CompletableFuture<List<String>> next = CompletableFuture.supplyAsync(() -> view.eval(
                ScriptSubmission.of("(core/kv/incr n)", Principal.jmx("local"), "Runtime.eval", SessionRequest.FRESH)));
            assertEquals(List.of("1"), next.get(5, TimeUnit.SECONDS));
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
