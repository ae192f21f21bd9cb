package dev.sxs.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sxs.events.Channel;
import dev.sxs.lang.Printer;
import dev.sxs.lang.probe.ProbeInfo;
import dev.sxs.lang.probe.ProbeOptions;
import dev.sxs.lang.probe.ProbeSpec;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActiveProbeTest
{
    private SxsRuntime runtime;
    private ProbeDrain drain;

    @AfterEach
    void close()
    {
        if (drain != null)
        {
            drain.close();
        }
        if (runtime != null)
        {
            runtime.close();
        }
    }

    private void start(final Map<String, String> settings)
    {
        runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")).with(settings));
        drain = new ProbeDrain(runtime.threads());
        drain.start();
    }

    private ActiveProbe probe(final String options, final String scope)
    {
        return new ActiveProbe(spec(options, scope), runtime.gateway(), drain);
    }

    private static ProbeSpec spec(final String options, final String scope)
    {
        return new ProbeSpec("com.shop.Orders", "place", Channel.A, 1, ProbeOptions.parse(options), 7, scope);
    }

    @Test
    void shouldHoldAHotMethodAtItsCapAndCountWhatItHeldBack()
    {
        start(Map.of());
        final ActiveProbe probe = probe("cap=5", "");
        int admitted = 0;
        for (int i = 0; i < 1000; i++)
        {
            if (probe.enter() != ActiveProbe.SKIP)
            {
                admitted++;
                probe.publish("T", "m", new Object[0], null, null, 0, System.nanoTime());
            }
        }
        // one window of a second, or two when the loop straddles a second's boundary
        assertTrue(admitted >= 5 && admitted <= 10, "admitted " + admitted);
        assertTrue(drain.awaitDelivered(10_000));
        final ProbeInfo info = probe.info(1);
        assertEquals(1000, info.hits());
        assertEquals(1000 - admitted, info.capped());
    }

    @Test
    void shouldPublishOneCallInSample()
    {
        start(Map.of());
        final ActiveProbe probe = probe("sample=4 cap=0", "");
        int admitted = 0;
        for (int i = 0; i < 100; i++)
        {
            admitted += probe.enter() != ActiveProbe.SKIP ? 1 : 0;
        }
        assertEquals(25, admitted);
        assertEquals(0, probe.info(1).capped());
        assertEquals(75, probe.info(1).hits(), "the calls sampled out count as hits; the 25 admitted when they end");
    }

    @Test
    void shouldGiveATimedCallsStartFromTheCapsClockReadAndZeroForAnUntimedOne()
    {
        start(Map.of());
        final ActiveProbe timed = probe("cap=100", "");
        final long before = System.nanoTime();
        final long started = timed.enter();
        final long after = System.nanoTime();
        assertTrue(started - before >= 0 && after - started >= 0, "start " + started + " not in its call");
        assertEquals(0, probe("cap=100 time=false", "").enter());
        assertEquals(0, probe("cap=0 time=false", "").enter());
        final ActiveProbe sampled = probe("sample=2 cap=0", "");
        assertEquals(ActiveProbe.SKIP, sampled.enter());
        assertTrue(sampled.enter() != ActiveProbe.SKIP);
    }

    @Test
    void shouldPublishTheCallInTheInstallingSessionsScope()
    {
        start(Map.of());
        assertEquals("true", Printer.print(runtime.eval("(core/event/sub A 1 {(core/kv/set last $data)})", "shop")
            .get(0)));
        final ActiveProbe probe = probe("", "shop");
        assertTrue(probe.enter() != ActiveProbe.SKIP);
        probe.publish("com.shop.Orders", "place", new Object[] {"book", 2}, 4, null, 99, System.nanoTime());
        assertTrue(drain.awaitDelivered(10_000));
        assertTrue(runtime.dispatcher().drain(10_000));
        assertEquals("[\"com.shop.Orders\" \"place\" [\"book\" 2] 4 99 \"" + Thread.currentThread().getName() + "\"]",
            Printer.print(runtime.eval("(core/kv/get last)", "shop").get(0)));
        assertEquals(1, probe.info(1).published());
    }

    @Test
    void shouldStampTheEventWithTheTimeTheCallEnded() throws Exception
    {
        start(Map.of());
        final CompletableFuture<Long> stamped = new CompletableFuture<>();
        runtime.dispatcher().subscribe(Channel.A, 1, event -> stamped.complete(event.timestampNanos()), 1);
        final ActiveProbe probe = probe("", "");
        final long endedSecondsAgo = 5;
        final long ended = System.nanoTime() - TimeUnit.SECONDS.toNanos(endedSecondsAgo);
        final long wallNow = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());

        assertTrue(probe.enter() != ActiveProbe.SKIP);
        probe.publish("T", "m", new Object[0], null, null, 0, ended);

        // the host thread reads the clock once at the call's end: the event carries that time, not a later one
        final long agoNanos = wallNow - stamped.get(10, TimeUnit.SECONDS);
        assertTrue(Math.abs(agoNanos - TimeUnit.SECONDS.toNanos(endedSecondsAgo)) < TimeUnit.SECONDS.toNanos(1),
            "stamped " + agoNanos + " ns ago, not when the call ended, 5 s ago");
        assertTrue(drain.awaitDelivered(10_000));
        assertEquals(1, probe.info(1).published());
    }

    @Test
    void shouldDropAndCountAtOnceWhenTheChannelIsFullEvenUnderBlock() throws Exception
    {
        start(Map.of("events.queueCapacity", "1", "events.overflow", "BLOCK", "events.publishTimeoutMillis", "60000"));
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch busy = new CountDownLatch(1);
        holdChannelA(busy, release);
        final ActiveProbe probe = probe("cap=0", "");
        probe.publish("T", "m", new Object[0], null, null, 0, System.nanoTime());
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        probe.publish("T", "m", new Object[0], null, null, 0, System.nanoTime());
        final long started = System.nanoTime();
        probe.publish("T", "m", new Object[0], null, null, 0, System.nanoTime());
        final long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // neither the host thread nor the drain's waits for room while the handler holds the channel
        assertTrue(drain.awaitDelivered(10_000), "the drain waited on a full channel");
        release.countDown();
        assertTrue(tookMillis < 5_000, "a probe waited " + tookMillis + " ms on a full channel");
        final ProbeInfo info = probe.info(1);
        assertTrue(info.dropped() >= 1, "dropped " + info.dropped());
        assertEquals(3, info.published() + info.dropped());
    }

    @Test
    void shouldNotBuildThePayloadOfACallAFullChannelWouldRefuse() throws Exception
    {
        start(Map.of("events.queueCapacity", "1", "events.overflow", "ERROR"));
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch busy = new CountDownLatch(1);
        holdChannelA(busy, release);
        final ActiveProbe probe = probe("cap=0 tostring=true", "");
        assertTrue(probe.enter() != ActiveProbe.SKIP);
        probe.publish("T", "m", new Object[0], null, null, 0, System.nanoTime());
        assertTrue(busy.await(10, TimeUnit.SECONDS), "the handler holds the channel's one unit");
        final long rejectedBefore = runtime.dispatcher().stats(Channel.A).rejected();
        final AtomicInteger described = new AtomicInteger();
        final Object argument = new Object()
        {
            @Override
            public String toString()
            {
                described.incrementAndGet();
                return "described";
            }
        };

        assertTrue(probe.enter() != ActiveProbe.SKIP);
        probe.publish("T", "m", new Object[] {argument}, null, null, 0, System.nanoTime());
        final long rejectedAfter = runtime.dispatcher().stats(Channel.A).rejected();
        assertTrue(drain.awaitDelivered(10_000));
        release.countDown();

        // a host thread whose call is dropped pays for the drop, not for describing its arguments
        assertEquals(0, described.get(), "payload built for a call the full channel refused");
        final ProbeInfo info = probe.info(1);
        assertEquals(1, info.dropped());
        assertEquals(1, info.published());
        assertEquals(info.hits(), info.published() + info.capped() + info.dropped(), "every call is accounted for");
        assertEquals(1, rejectedAfter - rejectedBefore, "the channel counts the early drop as a rejection");
    }

    /** A handler on A 1 that signals {@code busy} and holds the channel until {@code release}. */
    private void holdChannelA(final CountDownLatch busy, final CountDownLatch release)
    {
        runtime.dispatcher().subscribe(Channel.A, 1, event ->
        {
            busy.countDown();
            release.await(30, TimeUnit.SECONDS);
        }, 1);
    }
}
