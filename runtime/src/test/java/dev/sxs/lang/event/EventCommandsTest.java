package dev.sxs.lang.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.events.Publication;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Session;
import dev.sxs.lang.StrValue;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventCommandsTest
{
    private static final String SECTION_7 = """
        (core/event/sub $CHANNEL_A 50 {
          (core/util/log "Received request:" $data)
          (core/kv/set status "processing")
          (core/event/pub $CHANNEL_B 51 "complete")
        })
        (core/expr/await (core/event/pub $CHANNEL_A 50 "process_data") $CHANNEL_B 51)
        """;

    private KvStore store;
    private SxsRuntime runtime;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close()
    {
        if (runtime != null)
        {
            runtime.close();
        }
        if (store != null)
        {
            store.close();
        }
    }

    private void start(final Map<String, String> settings)
    {
        final Config config = Config.defaults().with(Map.of("kv.entries", "10000")).with(settings);
        store = ChronicleKvStore.open(config.kv());
        runtime = SxsRuntime.start(config, store, (session, line) -> log.add(line));
    }

    private String eval(final String scope, final String source)
    {
        return print(runtime.eval(source, scope));
    }

    private static String print(final List<Value> values)
    {
        final List<String> printed = new ArrayList<>();
        for (final Value v : values)
        {
            printed.add(Printer.print(v));
        }
        return String.join("\n", printed);
    }

    @Test
    void shouldRunTheSection7ExampleExactlyAsWrittenThroughSubmit() throws Exception
    {
        start(Map.of());
        assertEquals("true\n\"complete\"", print(runtime.submit(SECTION_7, 0).get(30, TimeUnit.SECONDS)));
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals(List.of("Received request: process_data"), log);
        assertEquals("\"processing\"", eval("", "(core/kv/get status)"));
    }

    @Test
    void shouldRunTheSection7ExampleThroughEval()
    {
        start(Map.of());
        assertEquals("true\n\"complete\"", eval("", SECTION_7));
    }

    @Test
    void shouldRunHandlersInTheSubscribersScopeWithBindings()
    {
        start(Map.of());
        assertEquals("true",
            eval("task:1:", "(core/event/sub C 7 { (core/kv/set seen (core/list/new $channel $topic $data)) })"));
        assertEquals("true", eval("task:1:", "(core/event/pub C 7 (core/kv/set x 1))"));
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals("[C 7 true]", store.get("task:1:seen"));
        assertEquals(null, store.get("seen"));
    }

    @Test
    void shouldRejectBadChannelsAndTopicsWithPreciseErrors()
    {
        start(Map.of());
        assertEquals("@\"core/event/pub: bad channel X (expected $CHANNEL_A..$CHANNEL_F or A..F)\"",
            eval("", "(core/event/pub X 1 1)"));
        assertEquals("@\"core/event/pub: bad channel 5 (expected $CHANNEL_A..$CHANNEL_F or A..F)\"",
            eval("", "(core/event/pub 5 1 1)"));
        assertEquals("@\"core/event/pub: topic out of range (0..65535): 70000\"",
            eval("", "(core/event/pub A 70000 1)"));
        assertEquals("@\"core/event/sub: topic out of range (0..65535): -1\"", eval("", "(core/event/sub A -1 { 1 })"));
        assertEquals("@\"core/event/pub: TOPIC must be an integer 0..65535, got \\\"x\\\"\"",
            eval("", "(core/event/pub A \"x\" 1)"));
        assertEquals("@\"core/event/pub: not permitted on the execution channel (submit scripts instead)\"",
            eval("", "(core/event/pub exec 1 1)"));
        assertEquals("@\"core/event/pub: expects CHANNEL TOPIC DATA\"", eval("", "(core/event/pub A 1)"));
        assertEquals("@\"core/event/sub: expects CHANNEL TOPIC {BODY}\"",
            eval("", "(core/event/sub A 1 (core/util/log 1))"));
        assertEquals("@\"core/event/unsub: expects CHANNEL TOPIC\"", eval("", "(core/event/unsub A)"));
        assertEquals("@\"core/expr/await: expects BODY CHANNEL TOPIC [TIMEOUT_MS]\"",
            eval("", "(core/expr/await 1 A)"));
        assertEquals("@\"core/expr/await: TIMEOUT_MS must be an integer >= 0, got -5\"",
            eval("", "(core/expr/await 1 A 1 -5)"));
        // an error argument propagates and nothing is published
        assertEquals("@\"key not found: nope\"", eval("", "(core/event/pub A 1 (core/kv/get nope))"));
        assertEquals(0, runtime.dispatcher().stats(Channel.A).published());
        assertEquals("true", eval("", "(core/event/pub $CHANNEL_F 65535 '[1 2.5 \"s\" sym {b}])"));
    }

    @Test
    void shouldUnsubscribeOnlyTheCallingSessionsHandlers()
    {
        start(Map.of());
        final Session mine = runtime.session("");
        final Session theirs = runtime.session("");
        final List<Value> a = runtime.interpreter()
            .eval("(core/event/sub A 3 { (core/kv/incr mine) }) (core/event/sub A 3 { (core/kv/incr mine) })", mine);
        assertEquals("true\ntrue", print(a));
        runtime.interpreter().eval("(core/event/sub A 3 { (core/kv/incr theirs) })", theirs);
        assertEquals("2", print(runtime.interpreter().eval("(core/event/unsub $CHANNEL_A 3)", mine)));
        assertEquals("0", print(runtime.interpreter().eval("(core/event/unsub A 3)", mine)));
        eval("", "(core/event/pub A 3 1)");
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals("@\"key not found: mine\"\n1", eval("", "(core/kv/get mine) (core/kv/get theirs)"));
    }

    @Test
    void shouldTimeOutWithTheDefaultOrThePerCallTimeout()
    {
        start(Map.of("await.timeoutMillis", "30"));
        assertEquals("@\"await timed out after 30 ms\"", eval("", "(core/expr/await true A 9)"));
        assertEquals("@\"await timed out after 10 ms\"", eval("", "(core/expr/await true A 9 10)"));
        // the body runs after listening starts; its error is returned
        assertEquals("@\"key not found: k\"", eval("", "(core/expr/await (core/kv/get k) A 9 10)"));
        assertEquals("5", eval("",
            "(core/expr/await { (core/kv/set k 5) (core/event/pub A 9 (core/kv/get k)) } A 9 1000)"));
    }

    @Test
    void shouldReportQueueFull()
    {
        start(Map.of("events.queueCapacity", "1", "events.overflow", "ERROR", "events.workers", "1"));
        // the handler holds the only unit of capacity until its own await times out
        eval("", "(core/event/sub A 1 { (core/expr/await true B 1 3000) })");
        assertEquals("true", eval("", "(core/event/pub A 1 1)"));
        assertEquals("@\"core/event/pub: queue full on channel A (overflow ERROR)\"",
            eval("", "(core/event/pub A 1 2)"));
        assertEquals("true", eval("", "(core/event/pub B 1 0)"));
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals(1, runtime.dispatcher().stats(Channel.A).rejected());
    }

    @Test
    void shouldCountHandlerBodiesThatReturnErrors()
    {
        start(Map.of());
        eval("", "(core/event/sub D 2 { (core/kv/get missing) })");
        eval("", "(core/event/pub D 2 1) (core/event/pub D 2 2) (core/event/pub D 2 3)");
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals(3, runtime.dispatcher().stats(Channel.D).handlerErrors());
        assertEquals(1, runtime.dispatcher().distinctErrors().size());
    }

    /** Four handlers await replies that other handlers produce, on one worker: none may deadlock. */
    @Test
    void shouldCompleteAwaitsInsideHandlersWithMoreAwaitsThanWorkers()
    {
        start(Map.of("events.workers", "1", "await.timeoutMillis", "20000"));
        eval("", """
            (core/event/sub C 0 { (core/event/pub B $topic $data) })
            (core/event/sub C 1 { (core/event/pub B $topic $data) })
            (core/event/sub C 2 { (core/event/pub B $topic $data) })
            (core/event/sub C 3 { (core/event/pub B $topic $data) })
            (core/event/sub A 0 { (core/kv/set $topic (core/expr/await (core/event/pub C $topic $data) B $topic)) })
            (core/event/sub A 1 { (core/kv/set $topic (core/expr/await (core/event/pub C $topic $data) B $topic)) })
            (core/event/sub A 2 { (core/kv/set $topic (core/expr/await (core/event/pub C $topic $data) B $topic)) })
            (core/event/sub A 3 { (core/kv/set $topic (core/expr/await (core/event/pub C $topic $data) B $topic)) })
            """);
        for (int i = 0; i < 4; i++)
        {
            assertTrue(Publication.isAccepted(runtime.dispatcher().publish(Channel.A, i, new StrValue("r" + i), "")));
        }
        assertTrue(runtime.dispatcher().drain(30_000));
        assertEquals("\"r0\"\n\"r1\"\n\"r2\"\n\"r3\"",
            eval("", "(core/kv/get 0) (core/kv/get 1) (core/kv/get 2) (core/kv/get 3)"));
    }

    /**
     * The responder answers only once both requests arrived, that is once both processors are inside
     * their await: channel A must still be dispatched while every processor is blocked.
     */
    @Test
    void shouldKeepDispatchingWhileEveryProcessorAwaits() throws Exception
    {
        start(Map.of("processors", "2"));
        final List<Value> requests = new CopyOnWriteArrayList<>();
        runtime.dispatcher().subscribe(Channel.A, 1, e ->
        {
            requests.add(Value.ofPayload(e.payload()));
            if (requests.size() == 2)
            {
                for (final Value r : requests)
                {
                    final int topic = (int)((dev.sxs.lang.IntValue)r).value();
                    runtime.dispatcher()
                        .publish(Channel.B, topic, dev.sxs.lang.Reader.readOne("[reply " + topic + "]"), "");
                }
            }
        }, 6L);
        final var first = runtime.submit("(core/expr/await (core/event/pub A 1 11) B 11 20000)", 0);
        final var second = runtime.submit("(core/expr/await (core/event/pub A 1 12) B 12 20000)", 1);
        assertEquals("[reply 11]", print(first.get(30, TimeUnit.SECONDS)));
        assertEquals("[reply 12]", print(second.get(30, TimeUnit.SECONDS)));
    }

    @Test
    void shouldDrainOnCloseAndLeaveNoThread()
    {
        start(Map.of());
        eval("", "(core/event/sub E 1 { (core/kv/incr count) })");
        for (int i = 0; i < 100; i++)
        {
            eval("", "(core/event/pub E 1 " + i + ")");
        }
        runtime.close();
        assertEquals("100", store.get("count"));
        store.close(); // the store's own sxs-kv-indexer thread ends with the store, which the runtime does not own
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            assertTrue(!t.getName().startsWith("sxs-") || !t.isAlive(), t.getName());
        }
    }
}
