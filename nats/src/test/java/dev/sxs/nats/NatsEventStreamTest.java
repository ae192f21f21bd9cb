package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.lang.LogSink;
import dev.sxs.lang.Printer;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.runtime.ValuePayloadCodec;

/** The journal on a NATS stream: a replay from a sequence, a time, with filters, rebuilds a counter elsewhere. */
class NatsEventStreamTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    private static Config config(final String bucket)
    {
        return Config.parse(Map.of("backend", "nats", "nats.servers", NATS.cluster().servers(), "nats.bucket", bucket,
            "nats.stream", "events", "journal.enabled", "false"));
    }

    private static String eval(final SxsRuntime sxs, final String source)
    {
        return String.join(" ", sxs.eval(source, "").stream().map(Printer::print).toList());
    }

    private static void publish(final SxsRuntime sxs, final String channel, final int count)
    {
        eval(sxs, ("(core/event/pub " + channel + " 7 1) ").repeat(count));
    }

    private static void awaitValue(final SxsRuntime sxs, final String key, final String expected)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!expected.equals(eval(sxs, "(core/kv/get " + key + ")")) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(20); // the replayed handlers run on dispatch threads; their store is remote
        }
        assertEquals(expected, eval(sxs, "(core/kv/get " + key + ")"));
    }

    @Test
    void shouldRebuildACounterFromTheStreamFromASequenceAndATimeWithFilters() throws Exception
    {
        final Config live = config("live");
        try (SxsRuntime sxs = SxsRuntime.start(live, LogSink.STDERR))
        {
            publish(sxs, "A", 50);
            publish(sxs, "B", 10);
        }
        final Config rebuilt = config("rebuilt");
        final SxsThreadFactory threads = SxsThreadFactory.create();
        try (SxsRuntime sxs = SxsRuntime.start(rebuilt, LogSink.STDERR))
        {
            assertEquals("true", eval(sxs, "(core/event/sub A 7 {(core/kv/incr count)})"));
            assertEquals(50, NatsEventStream.replay(rebuilt.backend(), threads,
                new NatsEventStream.Request(1, null, null, Channel.A, 7), ValuePayloadCodec.INSTANCE,
                sxs.dispatcher()::publishReplay));
            awaitValue(sxs, "count", "50");
            assertEquals(25, NatsEventStream.replay(rebuilt.backend(), threads,
                new NatsEventStream.Request(26, null, "", Channel.A, -1), ValuePayloadCodec.INSTANCE,
                sxs.dispatcher()::publishReplay));
            awaitValue(sxs, "count", "75");
            assertEquals(0, NatsEventStream.replay(rebuilt.backend(), threads,
                new NatsEventStream.Request(1, null, "t3:", null, -1), ValuePayloadCodec.INSTANCE,
                sxs.dispatcher()::publishReplay), "no event of scope t3:");
        }
        final Instant later = Instant.now();
        try (SxsRuntime sxs = SxsRuntime.start(live, LogSink.STDERR))
        {
            publish(sxs, "A", 5);
        }
        try (SxsRuntime sxs = SxsRuntime.start(config("fromTime"), LogSink.STDERR))
        {
            assertEquals("true", eval(sxs, "(core/event/sub A 7 {(core/kv/incr count)})"));
            final long replayed = NatsEventStream.replay(rebuilt.backend(), threads,
                new NatsEventStream.Request(0, later, null, null, -1), ValuePayloadCodec.INSTANCE,
                sxs.dispatcher()::publishReplay);
            assertTrue(replayed == 5, "from a time: " + replayed);
            awaitValue(sxs, "count", "5");
        }
    }
}
