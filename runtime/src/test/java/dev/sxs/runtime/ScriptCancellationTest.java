package dev.sxs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Awaiter;
import dev.sxs.events.Channel;
import dev.sxs.gateway.ScriptProgress;
import dev.sxs.gateway.ScriptSubmission;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.session.Principal;
import dev.sxs.session.SessionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller that gives up on a script cancels it and learns what became of it: a queued script never runs, a
 * running one starts no further form, and the caller is told which (not run, stopped after N forms, finished).
 */
class ScriptCancellationTest
{
    private SxsRuntime runtime;

    @AfterEach
    void close()
    {
        if (runtime != null)
        {
            runtime.close();
        }
    }

    private void start()
    {
        runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000", "processors", "1",
            "budget.millis", "60000", "await.timeoutMillis", "60000")));
    }

    private CompletableFuture<List<Value>> submit(final String source, final ScriptProgress progress)
    {
        return runtime.gateway().submit(ScriptSubmission.of(source, Principal.API, "api.submit",
            SessionRequest.FRESH), progress);
    }

    /** Submit a script that blocks the only processor in an await until {@code A 9} is published. */
    private CompletableFuture<List<Value>> blockTheProcessor() throws Exception
    {
        try (Awaiter waiting = runtime.dispatcher().listen(Channel.B, 8))
        {
            final CompletableFuture<List<Value>> blocker = runtime.submit(
                "(core/expr/await (core/event/pub B 8 1) A 9)", 0);
            assertNotNull(waiting.await(10_000), "the blocker reached its await");
            return blocker;
        }
    }

    @Test
    void shouldNeverRunAScriptCancelledWhileQueuedAndSaySo() throws Exception
    {
        start();
        final CompletableFuture<List<Value>> blocker = blockTheProcessor();
        final ScriptProgress progress = new ScriptProgress();
        final CompletableFuture<List<Value>> queued = submit("(core/kv/set late 1)", progress);
        queued.cancel(false);
        assertTrue(progress.awaitSettled(5_000), "settled at once, though the processor is still busy");
        assertEquals("was not run", progress.describe());
        runtime.dispatcher().publish(Channel.A, 9, IntValue.of(1), "");
        assertEquals("[1]", Printer.printAll(blocker.get(10, TimeUnit.SECONDS)).toString());
        assertEquals("[false]", Printer.printAll(runtime.submit("(core/kv/exists late)", 0).get(10,
            TimeUnit.SECONDS)).toString());
    }

    @Test
    void shouldStopARunningScriptBeforeItsNextFormAndSayAfterHowMany() throws Exception
    {
        start();
        final ScriptProgress progress = new ScriptProgress();
        final CompletableFuture<List<Value>> running;
        try (Awaiter waiting = runtime.dispatcher().listen(Channel.B, 8))
        {
            running = submit("(core/kv/set a 1) (core/kv/set b 1) (core/expr/await (core/event/pub B 8 1) A 9)"
                + " (core/kv/set c 1) (core/kv/set d 1)", progress);
            assertNotNull(waiting.await(10_000), "the script reached its await");
        }
        running.cancel(false);
        assertTrue(progress.awaitSettled(5_000));
        assertEquals("stopped after 2 of 5 forms", progress.describe());
        assertEquals("[true, false, false]", Printer.printAll(runtime.eval(
            "(core/kv/exists b) (core/kv/exists c) (core/kv/exists d)", "")).toString());
    }

    @Test
    void shouldSayFinishedForAScriptThatEndedBeforeTheCallerGaveUp() throws Exception
    {
        start();
        final ScriptProgress progress = new ScriptProgress();
        final CompletableFuture<List<Value>> done = submit("(core/kv/set a 1) (core/kv/get a)", progress);
        assertEquals("[true, 1]", Printer.printAll(done.get(10, TimeUnit.SECONDS)).toString());
        progress.cancel("too late");
        assertTrue(progress.awaitSettled(0));
        assertEquals("finished (2 forms)", progress.describe());
    }
}
