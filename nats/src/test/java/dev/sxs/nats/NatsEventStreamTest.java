package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.sxs.nats.Scripts.awaitValue;
import static dev.sxs.nats.Scripts.eval;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.lang.LogSink;
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
        return NATS.config(bucket, "nats.stream", "events");
    }

    private static void publish(final SxsRuntime sxs, final String channel, final int count)
    {
        eval(sxs, ("(core/event/pub " + channel + " 7 1) ").repeat(count));
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
            awaitValue(sxs, "(core/kv/get count)", "50");
            assertEquals(25, NatsEventStream.replay(rebuilt.backend(), threads,
                new NatsEventStream.Request(26, null, "", Channel.A, -1), ValuePayloadCodec.INSTANCE,
                sxs.dispatcher()::publishReplay));
            awaitValue(sxs, "(core/kv/get count)", "75");
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
            awaitValue(sxs, "(core/kv/get count)", "5");
        }
    }
}
