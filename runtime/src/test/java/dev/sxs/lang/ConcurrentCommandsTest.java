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

class ConcurrentCommandsTest
{
    private static final int THREADS = 4;

    private final Sxs sxs = new Sxs();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() throws InterruptedException
    {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        sxs.close();
    }

    @Test
    void shouldCountEveryIncrementFromManyThreads() throws Exception
    {
        final int perThread = 2_000;
        final Script script = sxs.interpreter.compile("(core/kv/incr counter) (core/kv/incr counter 2)");
        final Session session = sxs.session("");
        final CountDownLatch start = new CountDownLatch(1);
        final List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++)
        {
            futures.add(pool.submit(() ->
            {
                start.await();
                final Context ctx = sxs.interpreter.newContext(session);
                for (int i = 0; i < perThread; i++)
                {
                    ctx.reset();
                    for (final Value v : script.run(ctx))
                    {
                        assertTrue(v instanceof IntValue, () -> "not an integer: " + v);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (final Future<?> f : futures)
        {
            f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(Long.toString(3L * THREADS * perThread), sxs.eval("(core/kv/get counter)"));
    }

    @Test
    void shouldLetExactlyOneRacingSnxWin() throws Exception
    {
        for (int round = 0; round < 50; round++)
        {
            final String key = "leader:" + round;
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<Value>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                final int id = t;
                futures.add(pool.submit(() ->
                {
                    start.await();
                    return sxs.runtime.eval("(core/kv/snx " + key + " " + id + ")", "").get(0);
                }));
            }
            start.countDown();
            int winners = 0;
            for (final Future<Value> f : futures)
            {
                if (f.get(10, TimeUnit.SECONDS).equals(SymValue.TRUE))
                {
                    winners++;
                }
            }
            assertEquals(1, winners, key);
        }
    }

    /** Every thread tries to move the same key from the same expected value: exactly one succeeds. */
    @Test
    void shouldLetExactlyOneRacingCasWin() throws Exception
    {
        for (int round = 0; round < 50; round++)
        {
            final String key = "state:" + round;
            sxs.eval("(core/kv/set " + key + " \"waiting\")");
            final int winners = race(id -> "(core/kv/cas " + key + " \"waiting\" " + id + ")");
            assertEquals(1, winners, key);
        }
    }

    /** Every thread deletes the same key: exactly one sees it removed. */
    @Test
    void shouldLetExactlyOneRacingDelWin() throws Exception
    {
        for (int round = 0; round < 50; round++)
        {
            final String key = "job:" + round;
            sxs.eval("(core/kv/set " + key + " 1)");
            final int winners = race(id -> "(core/kv/del " + key + ")");
            assertEquals(1, winners, key);
            assertEquals("false", sxs.eval("(core/kv/exists " + key + ")"));
        }
    }

    /** Runs one script per thread, released together; returns how many gave {@code true}. */
    private int race(final java.util.function.IntFunction<String> scriptOf) throws Exception
    {
        final CountDownLatch start = new CountDownLatch(1);
        final List<Future<Value>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++)
        {
            final String script = scriptOf.apply(t);
            futures.add(pool.submit(() ->
            {
                start.await();
                return sxs.runtime.eval(script, "").get(0);
            }));
        }
        start.countDown();
        int winners = 0;
        for (final Future<Value> f : futures)
        {
            final Value v = f.get(10, TimeUnit.SECONDS);
            assertTrue(v.equals(SymValue.TRUE) || v.equals(SymValue.FALSE), () -> "not a boolean: " + Printer.print(v));
            if (v.equals(SymValue.TRUE))
            {
                winners++;
            }
        }
        return winners;
    }
}
