package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.sxs.nats.Scripts.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.events.Dispatcher;
import dev.sxs.events.DispatcherOptions;
import dev.sxs.events.Event;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.runtime.ValuePayloadCodec;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.impl.Headers;

/**
 * Channels across two runtimes on one NATS server: delivery in publish order, no echo, await answered there; an
 * event enters on the client's reader with its causal depth.
 */
class NatsChannelsTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    private static SxsRuntime start(final LogSink log)
    {
        return SxsRuntime.start(Config.parse(Map.of("backend", "nats", "nats.servers", NATS.cluster().servers(),
            "nats.bucket", "channels", "journal.enabled", "false")), log);
    }

    @Test
    void shouldDeliverEveryPublishToAnotherRuntimesHandlersInOrderWithoutEcho() throws Exception
    {
        final int events = 200;
        final List<String> here = new CopyOnWriteArrayList<>();
        final List<String> there = new CopyOnWriteArrayList<>();
        final CountDownLatch allThere = new CountDownLatch(events);
        final CountDownLatch allHere = new CountDownLatch(events);
        try (SxsRuntime one = start((session, line) ->
            {
                here.add(line);
                allHere.countDown();
            });
            SxsRuntime two = start((session, line) ->
            {
                there.add(line);
                allThere.countDown();
            }))
        {
            assertEquals("true", eval(one, "(core/event/sub A 7 {(core/util/log $data)})"));
            assertEquals("true", eval(two, "(core/event/sub A 7 {(core/util/log $data)})"));
            final StringBuilder script = new StringBuilder();
            final List<String> expected = new ArrayList<>();
            for (int i = 0; i < events; i++)
            {
                script.append("(core/event/pub A 7 ").append(i).append(") ");
                expected.add(Integer.toString(i));
            }
            eval(one, script.toString());
            assertTrue(allThere.await(30, TimeUnit.SECONDS), "delivered there: " + there.size());
            assertTrue(allHere.await(30, TimeUnit.SECONDS), "delivered here: " + here.size());
            assertEquals(expected, there, "in publish order");
            assertEquals(expected, here, "each once: the bridge sends nothing back");
        }
    }

    @Test
    void shouldAnswerAnAwaitWithAPublicationOfAnotherRuntime()
    {
        try (SxsRuntime one = start(LogSink.STDERR); SxsRuntime two = start(LogSink.STDERR))
        {
            assertEquals("true", eval(two, "(core/event/sub A 50 {(core/event/pub B 51 (core/str/upper $data))})"));
            assertEquals("\"PING\"", eval(one, "(core/expr/await (core/event/pub A 50 \"ping\") B 51 10000)"));
        }
    }

    @Test
    void shouldSendTheDepthHeaderOnlyForAnEventAHandlerPublished() throws Exception
    {
        final Connection raw = Nats.connect(NATS.cluster().servers().split(";")[0]);
        try (SxsRuntime one = start(LogSink.STDERR))
        {
            final io.nats.client.Subscription heard = raw.subscribe(EventSubjects.filter("", Channel.A, -1));
            raw.flush(java.time.Duration.ofSeconds(10));
            assertEquals("true", eval(one, "(core/event/sub A 60 {(core/event/pub A 61 $data)})"));
            eval(one, "(core/event/pub A 60 7)");
            final Message top = heard.nextMessage(java.time.Duration.ofSeconds(30));
            final Message hop = heard.nextMessage(java.time.Duration.ofSeconds(30));
            assertEquals(EventSubjects.subject("", Channel.A, 60), top.getSubject());
            assertFalse(top.hasHeaders(), "depth 0 is what a message without the header reads as: plain PUB");
            assertEquals(EventSubjects.subject("", Channel.A, 61), hop.getSubject());
            assertEquals("1", hop.getHeaders().getFirst(NatsChannelBridge.DEPTH), "a handler's publication, depth 1");
        }
        finally
        {
            raw.close();
        }
    }

    @Test
    void shouldBringAnEventInOnTheClientsReaderWithTheDepthItCarried() throws Exception
    {
        final Config config = Config.parse(Map.of("backend", "nats", "nats.servers", NATS.cluster().servers(),
            "nats.stream", "", "nats.queue", ""));
        final CompletableFuture<Event> heard = new CompletableFuture<>();
        final Connection raw = Nats.connect(NATS.cluster().servers().split(";")[0]);
        try (NatsChannelBridge bridge = NatsChannelBridge.open(config.backend(), SxsThreadFactory.create(),
            ValuePayloadCodec.INSTANCE))
        {
            final Dispatcher dispatcher = Dispatcher.start(DispatcherOptions.defaults(), bridge.outbound(null));
            try
            {
                dispatcher.subscribe(Channel.A, 9, heard::complete, 1, "");
                bridge.start(dispatcher);
                assertTrue(bridge.deliversOnReader(), "this jnats runs the hook on its reader: no hand-off");
                raw.publish(EventSubjects.subject("", Channel.A, 9), new Headers().put(NatsChannelBridge.DEPTH, "3"),
                    "5".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                final Event event = heard.get(30, TimeUnit.SECONDS);
                assertEquals(3, event.depth(), "the causal depth of the other JVM's chain");
                assertEquals("5", Printer.print(dev.sxs.lang.Value.ofPayload(event.payload())));
                assertEquals(1, bridge.received());
                assertEquals(1, bridge.takenOnReader(), "taken on the reader, not queued for the pump");
                assertEquals(0, bridge.sent(), "an event that came in is not sent back");
            }
            finally
            {
                dispatcher.close();
            }
        }
        finally
        {
            raw.close();
        }
    }
}
