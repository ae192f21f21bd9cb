package dev.sxs.lang.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sxs.events.Channel;
import dev.sxs.events.DispatcherOptions;
import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.Printer;
import dev.sxs.lang.Value;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 section 3: a handler that publishes what it handles ends after {@code events.maxDepth} hops.
 */
class EventStormTest
{
    private KvStore store;
    private SxsRuntime runtime;
    private final List<String> log = new ArrayList<>();

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
        runtime = SxsRuntime.start(config, store, (session, line) ->
        {
            synchronized (log)
            {
                log.add(line);
            }
        });
    }

    private String eval(final String source)
    {
        final List<String> printed = new ArrayList<>();
        for (final Value v : runtime.eval(source, ""))
        {
            printed.add(Printer.print(v));
        }
        return String.join("\n", printed);
    }

    @Test
    void shouldEndTheSelfRepublishingHandlerAfterMaxDepthPlusOneDeliveries()
    {
        start(Map.of());
        assertEquals("true\ntrue", eval("(core/event/sub $CHANNEL_A 1 { (core/kv/incr loops) "
            + "(core/event/pub $CHANNEL_A 1 $data) }) (core/event/pub $CHANNEL_A 1 \"go\")"));
        assertTrue(runtime.dispatcher().drain(10_000), "the storm never ended");
        final int max = DispatcherOptions.DEFAULT_MAX_DEPTH;
        assertEquals(String.valueOf(max + 1), eval("(core/kv/get loops)"));
        assertEquals(1, runtime.dispatcher().stats(Channel.A).tooDeep());
        assertEquals(max + 1, runtime.dispatcher().stats(Channel.A).published());
    }

    @Test
    void shouldEndTheTwoPublishesPerHandlerStormWellUnderASecond()
    {
        start(Map.of());
        final long started = System.nanoTime();
        eval("(core/event/sub $CHANNEL_A 1 { (core/kv/incr loops) (core/event/pub $CHANNEL_A 1 $data) "
            + "(core/event/pub $CHANNEL_A 1 $data) }) (core/event/pub $CHANNEL_A 1 \"go\")");
        assertTrue(runtime.dispatcher().drain(10_000), "the storm never ended");
        final long millis = (System.nanoTime() - started) / 1_000_000;
        final int max = DispatcherOptions.DEFAULT_MAX_DEPTH;
        // a binary tree of depths 0..max: 2^(max+1) - 1 deliveries; each leaf's first pub is refused, and
        // its error value ends the leaf's body
        assertEquals(String.valueOf((1L << (max + 1)) - 1), eval("(core/kv/get loops)"));
        assertEquals(1L << max, runtime.dispatcher().stats(Channel.A).tooDeep());
        assertTrue(millis < 5_000, "storm took " + millis + " ms");
    }

    @Test
    void shouldGiveTheRefusedPublisherAnErrorNamingTheDepthAndTheSetting()
    {
        start(Map.of("events.maxDepth", "2"));
        eval("(core/event/sub $CHANNEL_B 7 { (core/event/pub $CHANNEL_B 7 $data) })");
        eval("(core/event/pub $CHANNEL_B 7 1)");
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals(1, runtime.dispatcher().stats(Channel.B).tooDeep());
        // the refused pub's error value is the last handler's result: a handler error with its message
        assertEquals(1, runtime.dispatcher().stats(Channel.B).handlerErrors());
        final String expected = "@\"core/event/pub: causal depth 3 exceeds events.maxDepth 2 on channel B: "
            + "a handler chain published too deep\"";
        assertTrue(runtime.dispatcher().distinctErrors().keySet().stream().anyMatch(k -> k.contains(expected)),
            runtime.dispatcher().distinctErrors().toString());
    }
}
