package dev.sxs.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.runtime.ValuePayloadCodec;

/**
 * A replay of the stream that selects nothing ends at once, not after the idle end ({@link NatsStreamCursor#IDLE}):
 * a time after the last event ({@code sxs replay nats://... --since}), a filter no event matches. A cluster of its
 * own: the events it publishes would move the sequences {@link NatsEventStreamTest} counts on.
 */
class NatsReplayEndTest
{
    @RegisterExtension
    static final ClusterExtension NATS = new ClusterExtension(1);

    @Test
    void shouldEndAtOnceWhenNothingIsSelected()
    {
        final Config live = NATS.config("nothing", "nats.stream", "events");
        try (SxsRuntime sxs = SxsRuntime.start(live, LogSink.STDERR))
        {
            sxs.eval("(core/event/pub C 7 1) (core/event/pub C 7 2) (core/event/pub C 7 3)", "");
        }
        final SxsThreadFactory threads = SxsThreadFactory.create();
        final Instant after = Instant.now().plusSeconds(1);
        for (final NatsEventStream.Request request : new NatsEventStream.Request[] {
            new NatsEventStream.Request(0, after, null, null, -1),
            new NatsEventStream.Request(1, null, "t9:", Channel.C, -1)})
        {
            final long start = System.nanoTime();
            assertEquals(0, NatsEventStream.replay(live.backend(), threads, request, ValuePayloadCodec.INSTANCE,
                event -> 1));
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < NatsStreamCursor.IDLE.toMillis(), "ended after " + millis + " ms, not at once");
        }
        assertEquals(3, NatsEventStream.replay(live.backend(), threads, NatsEventStream.Request.all(),
            ValuePayloadCodec.INSTANCE, event -> 1), "the stream has the three events");
    }
}
