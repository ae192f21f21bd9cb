package dev.sxs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.sxs.events.Awaiter;
import dev.sxs.events.Channel;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;

/**
 * A script stuck in a long await delays only its own caller: unnamed sessions go to another processor,
 * a cancelled script frees its processor, and an await never outlives the script's wall-time budget.
 */
class StuckScriptTest
{
    /** Waits in an await after telling the test so on B 9 (so the test knows it is stuck, without sleeping). */
    private static final String STUCK = "(core/expr/await { (core/event/pub $CHANNEL_B 9 1) } $CHANNEL_A 2 60000)";

    private SxsRuntime runtime;

    @AfterEach
    void close()
    {
        if (runtime != null)
        {
            runtime.close();
        }
    }

    private SxsRuntime start(final String budgetMillis)
    {
        runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000", "processors", "2",
            "budget.millis", budgetMillis)), LogSink.NONE);
        return runtime;
    }

    private CompletableFuture<List<Value>> stuck(final int topic)
    {
        try (Awaiter started = runtime.dispatcher().listen(Channel.B, 9))
        {
            final CompletableFuture<List<Value>> f = runtime.submit(
                new ScriptSubmission(STUCK, Principal.API, "test", SessionRequest.FRESH, topic));
            assertNotNull(started.await(10_000), "the stuck script reached its await");
            return f;
        }
    }

    @Test
    void shouldRunAnotherUnnamedSessionsScriptWhileOneIsStuck() throws Exception
    {
        start("60000");
        final CompletableFuture<List<Value>> blocked = stuck(ScriptSubmission.SESSION_TOPIC);
        for (int i = 1; i <= 4; i++)
        {
            final CompletableFuture<List<Value>> next = runtime.submit(
                ScriptSubmission.of("(core/kv/incr n)", Principal.API, "test", SessionRequest.FRESH));
            assertEquals(List.of(new IntValue(i)), next.get(5, TimeUnit.SECONDS), "script " + i);
        }
        assertTrue(!blocked.isDone(), "still waiting for its event");
    }

    @Test
    void shouldFreeTheProcessorOfACancelledScript() throws Exception
    {
        start("60000");
        final CompletableFuture<List<Value>> blocked = stuck(0);
        blocked.cancel(true);
        final CompletableFuture<List<Value>> next = runtime.submit(
            new ScriptSubmission("(core/kv/incr n)", Principal.API, "test", SessionRequest.FRESH, 0));
        assertEquals(List.of(new IntValue(1)), next.get(5, TimeUnit.SECONDS), "the same processor answers");
    }

    @Test
    void shouldEndAnAwaitWhenTheScriptsBudgetRunsOut() throws Exception
    {
        start("300");
        final long began = System.nanoTime();
        final List<Value> values = CompletableFuture.supplyAsync(
            () -> runtime.eval("(core/expr/await {} $CHANNEL_A 2 60000)", "")).get(10, TimeUnit.SECONDS);
        final long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertEquals(1, values.size());
        assertTrue(values.get(0).isError() && values.get(0).print().contains("budget exceeded: 300 ms"),
            values.toString());
        assertTrue(tookMillis < 5_000, "took " + tookMillis + " ms");
    }
}
