package dev.sxs.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.sxs.events.Channel;
import dev.sxs.lang.probe.ProbeInfo;
import dev.sxs.lang.probe.ProbeOptions;
import dev.sxs.lang.probe.ProbeSpec;
import dev.sxs.runtime.Config;
import dev.sxs.runtime.SxsRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeDrainTest
{
    private SxsRuntime runtime;
    private ProbeDrain drain;

    @BeforeEach
    void start()
    {
        runtime = SxsRuntime.start(Config.defaults().with(Map.of("kv.entries", "1000")));
    }

    @AfterEach
    void close()
    {
        if (drain != null)
        {
            drain.close();
        }
        runtime.close();
    }

    private ActiveProbe probe()
    {
        return new ActiveProbe(new ProbeSpec("com.shop.Orders", "place", Channel.A, 1, ProbeOptions.parse("cap=0"), 7,
            ""), runtime.gateway(), drain);
    }

    @Test
    void shouldRunTheGatewaysChecksOnTheDrainsThreadNotTheHosts() throws Exception
    {
        drain = new ProbeDrain(runtime.threads());
        drain.start();
        final CompletableFuture<String> checkedOn = new CompletableFuture<>();
        runtime.gateway().permitWith(submission ->
        {
            checkedOn.complete(Thread.currentThread().getName());
            return true;
        });
        final CompletableFuture<Object> heard = new CompletableFuture<>();
        runtime.dispatcher().subscribe(Channel.A, 1, event -> heard.complete(event.payload()), 1);

        probe().publish("com.shop.Orders", "place", new Object[] {"book"}, 4, null, 99, System.nanoTime());

        assertEquals("sxs-probe-drain", checkedOn.get(10, TimeUnit.SECONDS));
        final String host = Thread.currentThread().getName();
        assertTrue(heard.get(10, TimeUnit.SECONDS).toString().endsWith("\"" + host + "\"]"),
            "the payload names the host thread that made the call: " + heard.getNow(null));
    }

    @Test
    void shouldDropAndCountACallTheFullQueueRefusesWithoutWaiting()
    {
        drain = new ProbeDrain(runtime.threads(), 2, ProbeDrain.DEFAULT_SLEEP_NANOS);
        final ActiveProbe probe = probe();
        for (int i = 0; i < 3; i++)
        {
            assertTrue(probe.enter() != ActiveProbe.SKIP);
            probe.publish("T", "m", new Object[0], null, null, 0, System.nanoTime());
        }
        assertEquals(1, probe.info(1).dropped(), "the third call found the queue of two full");

        drain.start();
        assertTrue(drain.awaitDelivered(10_000));
        final ProbeInfo info = probe.info(1);
        assertEquals(2, info.published());
        assertEquals(info.hits(), info.published() + info.dropped(), "every call is accounted for");
    }

    @Test
    void shouldWakeASleepingDrainForTheFirstCallAfterAQuietSpell() throws Exception
    {
        // it would sleep for ever without the host thread's wake-up
        drain = new ProbeDrain(runtime.threads(), 64, Long.MAX_VALUE);
        drain.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!drain.sleeping())
        {
            assertTrue(System.nanoTime() < deadline, "the drain never slept");
            Thread.onSpinWait();
        }
        final CompletableFuture<Object> heard = new CompletableFuture<>();
        runtime.dispatcher().subscribe(Channel.A, 1, event -> heard.complete(event.payload()), 1);

        probe().publish("T", "m", new Object[0], null, null, 0, System.nanoTime());

        heard.get(30, TimeUnit.SECONDS);
    }
}
