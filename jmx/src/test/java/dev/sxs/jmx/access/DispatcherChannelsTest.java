package dev.sxs.jmx.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.sxs.events.Channel;
import dev.sxs.events.ChannelStats;
import dev.sxs.lang.IntValue;
import dev.sxs.lang.LogSink;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import dev.sxs.session.Principal;

class DispatcherChannelsTest
{
    /**
     * Under DISCARD_NEWEST a publication on a full channel is dropped: JMX publish answers as the language's pub
     * does, and the drop counts as published, then discarded, as under DISCARD_OLDEST.
     */
    @Test
    void shouldAnswerTrueForADiscardedEventAndCountItAsPublished() throws Exception
    {
        try (SxsRuntime runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000",
            "events.queueCapacity", "1", "events.overflow", "DISCARD_NEWEST")), LogSink.NONE))
        {
            final CountDownLatch entered = new CountDownLatch(1);
            final CountDownLatch release = new CountDownLatch(1);
            runtime.dispatcher().subscribe(Channel.A, 1, e ->
            {
                entered.countDown();
                release.await();
            }, 5L);
            runtime.dispatcher().publish(Channel.A, 1, IntValue.of(1), "");
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            final DispatcherChannels channels = new DispatcherChannels(runtime.dispatcher(), runtime.gateway());
            // accepted: no exception (a refusal throws with sxs's message)
            channels.publish(Principal.jmx("local"), Channel.A, 1, IntValue.of(2), "");
            assertEquals(List.of("true"), runtime.eval("(core/event/pub A 1 3)", "").stream().map(Object::toString)
                .toList());
            release.countDown();
            assertTrue(runtime.dispatcher().drain(10_000));
            final ChannelStats stats = runtime.dispatcher().stats(Channel.A);
            assertEquals(3, stats.published());
            assertEquals(2, stats.discarded());
            assertEquals(1, stats.delivered());
            assertEquals(stats.published(), stats.delivered() + stats.discarded());
        }
    }
}
