package dev.sxs.lang;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored functions redefined while other threads call them through one shared compiled call site:
 * every call gives the value of some definition, and once the redefinitions are over every call gives
 * the last one (the cache and the call-site cache never keep a replaced function).
 */
class ConcurrentFunctionsTest
{
    private static final int CALLERS = 3;

    private final Sxs sxs = new Sxs();
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS + 1);

    @AfterEach
    void close() throws InterruptedException
    {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        sxs.close();
    }

    @Test
    void shouldCallTheLastDefinitionOnceRedefinitionsStop() throws Exception
    {
        final int versions = 300;
        final Session session = sxs.session("t:");
        sxs.evalIn("t:", "(core/fn/def v () {0})");
        final Script call = sxs.interpreter.compile("(core/fn/call v)");
        final CountDownLatch start = new CountDownLatch(1);
        final CountDownLatch defined = new CountDownLatch(1);
        final List<Future<?>> futures = new ArrayList<>();
        futures.add(pool.submit(() ->
        {
            start.await();
            for (int i = 1; i <= versions; i++)
            {
                assertEquals("[true]", sxs.interpreter.eval("(core/fn/def v () {" + i + "})", session).toString());
            }
            defined.countDown();
            return null;
        }));
        for (int t = 0; t < CALLERS; t++)
        {
            futures.add(pool.submit(() ->
            {
                start.await();
                final Context ctx = sxs.interpreter.newContext(session);
                while (defined.getCount() > 0)
                {
                    ctx.reset();
                    final Value v = call.runAsBody(ctx);
                    assertTrue(v instanceof IntValue i && i.value() >= 0 && i.value() <= versions, v::toString);
                }
                ctx.reset();
                assertEquals(Integer.toString(versions), call.runAsBody(ctx).print());
                return null;
            }));
        }
        start.countDown();
        for (final Future<?> f : futures)
        {
            f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(Integer.toString(versions), sxs.evalIn("t:", "(core/fn/call v)"));
    }
}
