package dev.sxs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.journal.JournalReader;
import dev.sxs.journal.Replay;
import dev.sxs.journal.ReplayProgress;
import dev.sxs.journal.ReplayRequest;
import dev.sxs.journal.RepublishSink;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.SymValue;
import dev.sxs.lang.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the language: a runtime journals the events its scripts publish; the journal,
 * re-published from Java into another live runtime, runs that runtime's sxs handlers (their store writes
 * apply) while their own publications are suppressed and counted, and nothing is journaled again.
 */
class ReplayIntoRuntimeTest
{
    private static final int ORDERS = 50;
    private static final String HANDLER =
        "(core/event/sub A 7 { (core/kv/incr orders) (core/kv/set last $data) (core/event/pub B 8 $data) })";

    @TempDir
    Path dir;

    private static Config config(final Path data)
    {
        return Config.defaults().with(Map.of("data", data.toString(), "kv.entries", "1000"));
    }

    private static List<Value> submit(final SxsRuntime runtime, final String script) throws Exception
    {
        return runtime.submit(script, 0).get(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldRebuildStateFromTheJournalWithoutReEmittingSideEffects() throws Exception
    {
        final Path live = dir.resolve("live");
        try (SxsRuntime runtime = SxsRuntime.start(config(live), LogSink.NONE))
        {
            assertEquals(List.of(SymValue.TRUE), submit(runtime, HANDLER));
            final StringBuilder orders = new StringBuilder();
            for (int i = 1; i <= ORDERS; i++)
            {
                orders.append("(core/event/pub A 7 ").append(i).append(')');
            }
            submit(runtime, orders.toString());
        }

        final Path rebuilt = dir.resolve("rebuilt");
        try (SxsRuntime runtime = SxsRuntime.start(config(rebuilt), LogSink.NONE);
             JournalReader reader = JournalReader.open(live.resolve("journal")))
        {
            assertEquals(List.of(SymValue.TRUE), submit(runtime, HANDLER));
            final RepublishSink sink = new RepublishSink(ValuePayloadCodec.INSTANCE,
                runtime.dispatcher()::publishReplay);
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL.withChannel(Channel.A)).run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state(), progress::toString);
            assertTrue(runtime.dispatcher().drain(10_000));

            assertEquals(ORDERS, progress.delivered());
            assertEquals(ORDERS, sink.published());
            assertEquals(List.of(IntValue.of(ORDERS), IntValue.of(ORDERS)),
                runtime.eval("(core/kv/get orders) (core/kv/get last)", ""));
            assertEquals(ORDERS, runtime.dispatcher().stats(Channel.B).suppressed(), "the handlers' publications");
            assertEquals(0, runtime.dispatcher().stats(Channel.B).published());
            assertEquals(1, runtime.journal().info().records(),
                "only the subscribing script: replayed events are not journaled again");
        }
    }

    /**
     * The whole journal of a request/response script (the script on the execution channel, then the
     * request on A and the reply on B it caused) replayed into an empty runtime: the script runs again
     * and subscribes before the request is re-published, and its await is answered by the replayed reply.
     */
    @Test
    void shouldReplayAScriptBeforeTheEventsJournaledAfterIt() throws Exception
    {
        final String script = """
            (core/event/sub A 50 { (core/kv/incr requests) (core/event/pub B 51 "complete") })
            (core/kv/set answer (core/expr/await (core/event/pub A 50 "process_data") B 51))
            """;
        final Path live = dir.resolve("live");
        try (SxsRuntime runtime = SxsRuntime.start(config(live), LogSink.NONE))
        {
            assertEquals(List.of(SymValue.TRUE, SymValue.TRUE), submit(runtime, script));
        }

        final Path rebuilt = dir.resolve("rebuilt");
        try (SxsRuntime runtime = SxsRuntime.start(config(rebuilt), LogSink.NONE);
             JournalReader reader = JournalReader.open(live.resolve("journal")))
        {
            final RepublishSink sink = new RepublishSink(ValuePayloadCodec.INSTANCE,
                runtime.dispatcher()::publishReplay);
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL).run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state(), progress::toString);
            assertEquals(3, sink.published(), "the script, the request and the reply");
            assertTrue(runtime.dispatcher().drain(10_000));

            assertEquals("\"complete\" 1",
                String.join(" ", runtime.eval("(core/kv/get answer) (core/kv/get requests)", "")
                .stream().map(Value::print).toList()));
            assertEquals(1, runtime.dispatcher().stats(Channel.A).suppressed(), "the script's request");
            assertEquals(1, runtime.dispatcher().stats(Channel.B).suppressed(), "the handler's reply");
            assertEquals(0, runtime.journal().info().records());
        }
    }

    /**
     * The journal records each event's scope and replay re-publishes into it: a replayed event reaches only
     * the handlers of its recorded scope, as it did live.
     */
    @Test
    void shouldReplayEachEventIntoItsRecordedScopeOnly() throws Exception
    {
        final Path live = dir.resolve("live");
        try (SxsRuntime runtime = SxsRuntime.start(config(live), LogSink.NONE))
        {
            assertEquals(List.of(SymValue.TRUE), runtime.eval("(core/event/pub A 60 \"root\")", ""));
            assertEquals(List.of(SymValue.TRUE), runtime.eval("(core/event/pub A 60 \"one\")", "t1:"));
            assertEquals(List.of(SymValue.TRUE), runtime.eval("(core/event/pub A 60 \"two\")", "t2:"));
        }
        final String handler = "(core/event/sub A 60 { (core/kv/incr seen) (core/kv/set last $data) })";
        final Path rebuilt = dir.resolve("rebuilt");
        try (SxsRuntime runtime = SxsRuntime.start(config(rebuilt), LogSink.NONE);
             JournalReader reader = JournalReader.open(live.resolve("journal")))
        {
            assertEquals(List.of(SymValue.TRUE), runtime.eval(handler, ""));
            assertEquals(List.of(SymValue.TRUE), runtime.eval(handler, "t1:"));
            assertEquals(List.of(SymValue.TRUE), runtime.eval(handler, "t3:"));
            final RepublishSink sink = new RepublishSink(ValuePayloadCodec.INSTANCE,
                runtime.dispatcher()::publishReplay);
            final ReplayProgress progress = new Replay(reader, ReplayRequest.ALL.withChannel(Channel.A)).run(sink);
            assertEquals(ReplayProgress.State.DONE, progress.state(), progress::toString);
            assertEquals(3, sink.published());
            assertTrue(runtime.dispatcher().drain(10_000));

            assertEquals("1 \"root\" 1 \"one\" @\"key not found: t3:seen\" @\"key not found: t2:seen\"",
                String.join(" ", runtime.eval("(core/kv/get seen) (core/kv/get last) (core/kv/get t1:seen) "
                    + "(core/kv/get t1:last) (core/kv/get t3:seen) (core/kv/get t2:seen)", "")
                .stream().map(Value::print).toList()),
                "root and t1: each saw their own event once; t3: saw none; t2: had no handler");
            assertEquals(2, runtime.dispatcher().stats(Channel.A).delivered());
        }
    }
}
