package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * More handlers await at once than there may be compensating threads: the awaits beyond the cap are refused
 * at once instead of blocking the partition, so delivery on every other channel and topic goes on. Runs in the
 * small-heap fork (64 MiB, see runtime/pom.xml).
 */
@Tag("small-heap")
class AwaitCapTest
{
    private static final int WORKERS = 2;
    private static final int MAX_COMPENSATING = 2;
    private static final int AWAITS = 12;
    private static final int REPLY_TOPIC = 99;

    private Dispatcher dispatcher;

    @AfterEach
    void closeDispatcher()
    {
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    @Test
    void shouldRefuseAwaitsBeyondTheCapAndKeepDeliveringOtherChannels() throws Exception
    {
        final DispatcherOptions base = options(WORKERS, 1000, OverflowPolicy.BLOCK, 1000).withAwaitTimeout(120_000);
        dispatcher = Dispatcher.start(new DispatcherOptions(base.queueCapacity(), base.publishTimeoutMillis(),
            base.overflow(), base.workers(), base.idle(), base.maxSpinningWorkers(), base.awaitTimeoutMillis(),
            MAX_COMPENSATING), null);
        final CountDownLatch settled = new CountDownLatch(AWAITS);
        final CountDownLatch answered = new CountDownLatch(MAX_COMPENSATING);
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger replies = new AtomicInteger();
        for (int i = 0; i < AWAITS; i++)
        {
            dispatcher.subscribe(Channel.A, i, e ->
            {
                try (Awaiter a = dispatcher.listen(Channel.B, REPLY_TOPIC))
                {
                    // an await that holds the partition would never count down: only the refused ones return
                    // here before the reply, the others are counted as soon as they are in their await
                    final Thread self = Thread.currentThread();
                    final EventThread et = (EventThread)self;
                    et.onBlocking(settled::countDown);
                    final Event reply = a.await(120_000);
                    et.onBlocking(null);
                    if (a.isRefused())
                    {
                        assertNull(reply);
                        refused.incrementAndGet();
                        settled.countDown();
                    }
                    else if (reply != null)
                    {
                        replies.incrementAndGet();
                        answered.countDown();
                    }
                }
            }, 1L);
        }
        final CountDownLatch other = new CountDownLatch(1);
        dispatcher.subscribe(Channel.C, 7, e -> other.countDown(), 2L);
        for (int i = 0; i < AWAITS; i++)
        {
            dispatcher.publish(Channel.A, i, num(i), "");
        }
        assertTrue(settled.await(30, TimeUnit.SECONDS), "every handler is in its await or was refused");
        dispatcher.publish(Channel.C, 7, num(7), "");
        assertTrue(other.await(30, TimeUnit.SECONDS), "a handler on another channel still runs");
        assertEquals(AWAITS - MAX_COMPENSATING, refused.get(), "the awaits beyond the cap are refused");
        dispatcher.publish(Channel.B, REPLY_TOPIC, num(0), "");
        assertTrue(answered.await(30, TimeUnit.SECONDS), "the awaits within the cap get the reply");
        assertEquals(MAX_COMPENSATING, replies.get());
    }
}
