package dev.sxs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The original's four rate-limit cases, and how the sliding second moves and what a limit costs, on a clock the
 * test moves.
 */
class RateLimiterTest
{
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private static int accepted(final RateLimiter limiter, final int attempts)
    {
        int n = 0;
        for (int i = 0; i < attempts; i++)
        {
            n += limiter.tryAcquire() ? 1 : 0;
        }
        return n;
    }

    @Test
    void shouldAcceptFiveInASecondAtLimitFive()
    {
        final RateLimiter limiter = new RateLimiter(5, now::get);
        assertEquals(5, accepted(limiter, 8));
        now.addAndGet(999_000_000L);
        assertFalse(limiter.tryAcquire(), "still inside the sliding second");
        now.addAndGet(1_000_000L);
        assertEquals(5, accepted(limiter, 8), "the window slid past the first five");
    }

    @Test
    void shouldAcceptSevenMoreWhenThreeTakenAndTheLimitRaisedToTen()
    {
        final RateLimiter limiter = new RateLimiter(5, now::get);
        assertEquals(3, accepted(limiter, 3));
        limiter.setLimit(10);
        assertEquals(7, accepted(limiter, 20));
    }

    @Test
    void shouldBeUnlimitedAtOnceWithLimitZero()
    {
        final RateLimiter limiter = new RateLimiter(5, now::get);
        assertEquals(5, accepted(limiter, 10));
        limiter.setLimit(0);
        assertEquals(10_000, accepted(limiter, 10_000));
        limiter.setLimit(2);
        assertEquals(2, accepted(limiter, 5), "a new limit counts from where it is set");
    }

    @Test
    void shouldAcceptExactlyTheLimitUnderConcurrency() throws Exception
    {
        final RateLimiter limiter = new RateLimiter(100, now::get);
        final ExecutorService pool = Executors.newFixedThreadPool(10);
        try
        {
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 10; t++)
            {
                counts.add(pool.submit(() ->
                {
                    start.await();
                    return accepted(limiter, 20);
                }));
            }
            start.countDown();
            int total = 0;
            for (final Future<Integer> f : counts)
            {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(100, total);
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepTheMostRecentWhenTheLimitIsLowered()
    {
        final RateLimiter limiter = new RateLimiter(10, now::get);
        assertEquals(6, accepted(limiter, 6));
        limiter.setLimit(3);
        assertFalse(limiter.tryAcquire(), "six in the window already exceed three");
        now.addAndGet(1_000_000_000L);
        assertTrue(limiter.tryAcquire());
    }

    @Test
    void shouldTakeTheHighestLimitWithoutMemorySizedToIt()
    {
        final RateLimiter limiter = new RateLimiter(Integer.MAX_VALUE, now::get);
        assertEquals(100_000, accepted(limiter, 100_000));
        limiter.setLimit(2_000_000_000);
        assertEquals(100_000, accepted(limiter, 100_000), "a high limit is a count, not a buffer of its size");
        limiter.setLimit(150_000);
        assertFalse(limiter.tryAcquire(), "the 200,000 of this second still count against a lower limit");
    }

    @Test
    void shouldFreeAPublishBetween999And1000MillisecondsAfterIt()
    {
        now.addAndGet(500_000L); // half a millisecond off the clock's millisecond steps
        final RateLimiter limiter = new RateLimiter(1, now::get);
        assertTrue(limiter.tryAcquire());
        now.addAndGet(999_000_000L);
        assertFalse(limiter.tryAcquire(), "999 ms later the publish is still in the window");
        now.addAndGet(1_000_000L);
        assertTrue(limiter.tryAcquire(), "1000 ms later it has left");
    }

    @Test
    void shouldSlideTheWindowPastEachPublishInTurn()
    {
        final RateLimiter limiter = new RateLimiter(4, now::get);
        assertEquals(2, accepted(limiter, 2));
        now.addAndGet(400_000_000L);
        assertEquals(2, accepted(limiter, 3));
        now.addAndGet(599_000_000L);
        assertFalse(limiter.tryAcquire(), "at 999 ms all four are inside");
        now.addAndGet(1_000_000L);
        assertEquals(2, accepted(limiter, 3), "at 1000 ms the first two left, the two of 400 ms did not");
        now.addAndGet(400_000_000L);
        assertEquals(2, accepted(limiter, 3), "at 1400 ms the two of 400 ms left");
    }

    @Test
    void shouldForgetEveryPublishAfterAPauseLongerThanTheWindow()
    {
        final RateLimiter limiter = new RateLimiter(3, now::get);
        assertEquals(3, accepted(limiter, 3));
        now.addAndGet(10_000_300_000L);
        assertEquals(3, accepted(limiter, 5));
        now.addAndGet(1_999_000_000L);
        assertEquals(3, accepted(limiter, 5), "two seconds later the window holds nothing older");
    }
}
