package dev.sxs.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PerSecondCapTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldCountALateClockReadingInTheNewerSecondWithoutResettingIt()
    {
        final long origin = System.nanoTime();
        final PerSecondCap cap = new PerSecondCap(2, origin);
        assertTrue(cap.tryAcquire(origin + SECOND / 10));
        assertTrue(cap.tryAcquire(origin + SECOND / 2));
        assertFalse(cap.tryAcquire(origin + SECOND * 9 / 10), "the first second is used up");
        assertTrue(cap.tryAcquire(origin + SECOND + 1), "a new second");
        // another thread read its clock just before the second turned, and asks only now
        assertTrue(cap.tryAcquire(origin + SECOND - 1), "counted in the newer second, which has room");
        assertFalse(cap.tryAcquire(origin + SECOND * 3 / 2), "the newer second is used up: its count was kept");
        assertFalse(cap.tryAcquire(origin + SECOND - 2), "a late reading does not reopen the older second");
    }

    @Test
    void shouldGiveNoMoreThanTheCapInEachSecondToEightThreadsCrossingSecondsTogether() throws Exception
    {
        final long origin = System.nanoTime();
        final int perSecond = 1_000;
        final PerSecondCap cap = new PerSecondCap(perSecond, origin);
        final int threads = 8;
        final int callsPerThread = 30_000;
        final CyclicBarrier start = new CyclicBarrier(threads);
        final List<CompletableFuture<Integer>> taken = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            final int offset = t;
            taken.add(CompletableFuture.supplyAsync(() ->
            {
                await(start);
                int n = 0;
                for (int i = 0; i < callsPerThread; i++)
                {
                    // three seconds, each thread's readings a little apart from the others' near each boundary
                    final long now = origin + (long)i * 3 * SECOND / callsPerThread + offset * 1_000L;
                    n += cap.tryAcquire(now) ? 1 : 0;
                }
                return n;
            }, runnable -> new Thread(runnable).start()));
        }
        int total = 0;
        for (final CompletableFuture<Integer> f : taken)
        {
            total += f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(3 * perSecond, total, "exactly the cap in each of the three seconds");
    }

    private static void await(final CyclicBarrier barrier)
    {
        try
        {
            barrier.await(10, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
