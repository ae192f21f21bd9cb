package dev.sxs.events;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryProbeTest
{
    Dispatcher dispatcher;

    @AfterEach
    void tearDown()
    {
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    @Test
    void shouldSampleOneEventInSampleEveryWithItsLatencyAndNeverReplayedOnes()
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), null);
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final List<Channel> channels = Collections.synchronizedList(new ArrayList<>());
        dispatcher.deliveryProbe((channel, nanos) ->
        {
            channels.add(channel);
            latencies.add(nanos);
        });
        final AtomicInteger handled = new AtomicInteger();
        dispatcher.subscribe(Channel.C, 3, e -> handled.incrementAndGet(), 2L);
        final int events = 4 * DeliveryProbe.SAMPLE_EVERY;
        for (int i = 0; i < events; i++)
        {
            dispatcher.publish(Channel.C, 3, num(i), "");
        }
        dispatcher.publishReplay(new Event(DeliveryProbe.SAMPLE_EVERY, 1_000L, Channel.C, 3, num(1), ""));
        assertTrue(dispatcher.drain(10_000));
        assertEquals(events + 1, handled.get());
        assertEquals(4, latencies.size());
        assertEquals(Collections.nCopies(4, Channel.C), channels);
        for (final long nanos : latencies)
        {
            assertTrue(nanos >= 0 && nanos < 60_000_000_000L, "latency " + nanos);
        }
    }

    @Test
    void shouldKeepDeliveringWhenTheProbeThrows()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        dispatcher.deliveryProbe((channel, nanos) ->
        {
            throw new IllegalStateException("broken probe");
        });
        final AtomicInteger handled = new AtomicInteger();
        dispatcher.subscribe(Channel.A, 1, e -> handled.incrementAndGet(), 2L);
        final int events = 2 * DeliveryProbe.SAMPLE_EVERY + 8;
        for (int i = 0; i < events; i++)
        {
            dispatcher.publish(Channel.A, 1, num(i), "");
        }
        assertTrue(dispatcher.drain(10_000));
        assertEquals(events, handled.get());
        assertEquals(0, dispatcher.stats(Channel.A).handlerErrors());
    }
}
