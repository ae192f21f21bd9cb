package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.numOf;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Capacity 4 on one worker; the first event is held inside its handler, so the channel holds it plus
 * three queued events, and the next publish meets a full queue.
 */
class BackpressureTest
{
    private static final int CAPACITY = 4;

    private Dispatcher dispatcher;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Long> seen = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeDispatcher()
    {
        release.countDown();
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    private void fill(final OverflowPolicy policy, final long timeoutMillis) throws Exception
    {
        dispatcher = Dispatcher.start(options(1, CAPACITY, policy, timeoutMillis), null);
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            entered.countDown();
            release.await();
            seen.add(numOf(e));
        }, 22L);
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(1), "")));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (int i = 2; i <= CAPACITY; i++)
        {
            assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(i), "")));
        }
        assertEquals(CAPACITY, dispatcher.stats(Channel.A).queueDepth());
    }

    private ChannelStats releaseAndDrain()
    {
        release.countDown();
        assertTrue(dispatcher.drain(10_000));
        return dispatcher.stats(Channel.A);
    }

    @Test
    void shouldFailAtOnceUnderError() throws Exception
    {
        fill(OverflowPolicy.ERROR, 60_000);
        assertEquals(Publication.QUEUE_FULL, dispatcher.publish(Channel.A, 1, num(5), ""));
        assertEquals(Publication.QUEUE_FULL, dispatcher.publish(Channel.A, 1, num(6), ""));
        final ChannelStats stats = releaseAndDrain();
        assertEquals(List.of(1L, 2L, 3L, 4L), seen);
        assertEquals(4, stats.published());
        assertEquals(2, stats.rejected());
        assertEquals(0, stats.discarded());
        assertEquals(4, stats.delivered());
    }

    @Test
    void shouldWaitThenFailUnderBlock() throws Exception
    {
        fill(OverflowPolicy.BLOCK, 50);
        assertEquals(Publication.QUEUE_FULL, dispatcher.publish(Channel.A, 1, num(5), ""));
        final ChannelStats stats = releaseAndDrain();
        assertEquals(List.of(1L, 2L, 3L, 4L), seen);
        assertEquals(1, stats.rejected());
        assertEquals(4, stats.published());
    }

    @Test
    void shouldWaitForRoomUnderBlock() throws Exception
    {
        fill(OverflowPolicy.BLOCK, 60_000);
        final CompletableFuture<Long> blocked = CompletableFuture.supplyAsync(() -> dispatcher.publish(Channel.A, 1,
            num(5), ""));
        release.countDown();
        assertTrue(Publication.isAccepted(blocked.get(30, TimeUnit.SECONDS)));
        final ChannelStats stats = releaseAndDrain();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen);
        assertEquals(5, stats.published());
        assertEquals(0, stats.rejected());
        assertEquals(0, stats.discarded());
    }

    @Test
    void shouldDropTheNewEventUnderDiscardNewest() throws Exception
    {
        fill(OverflowPolicy.DISCARD_NEWEST, 60_000);
        assertEquals(Publication.DISCARDED, dispatcher.publish(Channel.A, 1, num(5), ""));
        assertEquals(Publication.DISCARDED, dispatcher.publish(Channel.A, 1, num(6), ""));
        final ChannelStats stats = releaseAndDrain();
        assertEquals(List.of(1L, 2L, 3L, 4L), seen);
        // one identity for every policy: a dropped publication was published, then discarded
        assertEquals(6, stats.published());
        assertEquals(2, stats.discarded());
        assertEquals(4, stats.delivered());
        assertEquals(stats.published(), stats.delivered() + stats.discarded());
    }

    @Test
    void shouldDropTheOldestQueuedEventUnderDiscardOldest() throws Exception
    {
        fill(OverflowPolicy.DISCARD_OLDEST, 60_000);
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(5), "")));
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(6), "")));
        assertEquals(CAPACITY, dispatcher.stats(Channel.A).queueDepth());
        final ChannelStats stats = releaseAndDrain();
        // 1 was already in its handler; 2 and 3 were the oldest queued
        assertEquals(List.of(1L, 4L, 5L, 6L), seen);
        assertEquals(6, stats.published());
        assertEquals(2, stats.discarded());
        assertEquals(4, stats.delivered());
        assertEquals(stats.published(), stats.delivered() + stats.discarded());
    }

    @Test
    void shouldBoundEachChannelSeparately() throws Exception
    {
        fill(OverflowPolicy.ERROR, 60_000);
        final CountDownLatch other = new CountDownLatch(CAPACITY);
        dispatcher.subscribe(Channel.B, 1, e -> other.countDown(), 23L);
        for (int i = 0; i < CAPACITY; i++)
        {
            assertTrue(Publication.isAccepted(dispatcher.publish(Channel.B, 1, num(i), "")));
        }
        releaseAndDrain();
        assertTrue(other.await(10, TimeUnit.SECONDS));
    }

    @Test
    void shouldRejectAnOfferAheadOnlyWhileTheChannelIsFullAndCountIt() throws Exception
    {
        dispatcher = Dispatcher.start(options(1, CAPACITY, OverflowPolicy.BLOCK, 60_000), null);
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            entered.countDown();
            release.await();
            seen.add(numOf(e));
        }, 22L);
        assertFalse(dispatcher.rejectIfFull(Channel.A), "an empty channel has room");
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(1), "")));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (int i = 2; i <= CAPACITY; i++)
        {
            assertFalse(dispatcher.rejectIfFull(Channel.A), "room for event " + i);
            assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(i), "")));
        }

        assertTrue(dispatcher.rejectIfFull(Channel.A), "a full channel refuses ahead, even under BLOCK");
        assertTrue(dispatcher.rejectIfFull(Channel.A));
        assertFalse(dispatcher.rejectIfFull(Channel.B), "other channels keep their room");
        final ChannelStats full = dispatcher.stats(Channel.A);
        final ChannelStats stats = releaseAndDrain();

        assertEquals(2, full.rejected(), "each refusal counted as rejected");
        assertEquals(CAPACITY, full.published(), "a refusal ahead publishes nothing");
        assertEquals(List.of(1L, 2L, 3L, 4L), seen);
        assertFalse(dispatcher.rejectIfFull(Channel.A), "room again once drained");
        assertEquals(2, stats.rejected());
    }
}
