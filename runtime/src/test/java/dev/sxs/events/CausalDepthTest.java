package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.sxs.log.SxsWarnings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The causal depth of events: 0 from outside, one more per handler hop, refused beyond the maximum.
 */
class CausalDepthTest
{
    private Dispatcher dispatcher;

    @AfterEach
    void close()
    {
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    private static DispatcherOptions options(final int maxDepth)
    {
        return DispatcherTestSupport.options(2, 1000, OverflowPolicy.BLOCK, 1000).withMaxDepth(maxDepth);
    }

    @Test
    void shouldGiveAnOutsidePublishDepthZeroAndEachHandlerHopOneMore()
    {
        final DispatcherTestSupport.RecordingJournal journal = new DispatcherTestSupport.RecordingJournal();
        dispatcher = Dispatcher.start(options(16), journal);
        final List<Integer> depths = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            depths.add(e.depth());
            dispatcher.publish(Channel.B, 2, e.payload(), e.origin());
        }, Subscription.NO_OWNER);
        dispatcher.subscribe(Channel.B, 2, e ->
        {
            depths.add(e.depth());
            dispatcher.publish(Channel.C, 3, e.payload(), e.origin());
        }, Subscription.NO_OWNER);
        dispatcher.subscribe(Channel.C, 3, e -> depths.add(e.depth()), Subscription.NO_OWNER);
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 1, num(1), "")));
        assertTrue(dispatcher.drain(5000));
        assertEquals(List.of(0, 1, 2), depths);
        assertEquals(List.of(0, 1, 2), journal.events.stream().map(Event::depth).toList());
        assertEquals(0, EventThread.currentPublishDepth(), "a host thread publishes at depth 0");
    }

    @Test
    void shouldRefuseAPublishBeyondTheMaximumDepthAndCountItOnTheChannel()
    {
        dispatcher = Dispatcher.start(options(3), null);
        final AtomicLong handled = new AtomicLong();
        final List<Long> results = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(Channel.D, 4, e ->
        {
            handled.incrementAndGet();
            results.add(dispatcher.publish(Channel.D, 4, e.payload(), e.origin()));
        }, Subscription.NO_OWNER);
        dispatcher.publish(Channel.D, 4, num(1), "");
        assertTrue(dispatcher.drain(5000), "the storm never ended");
        assertEquals(4, handled.get());
        assertEquals(Publication.TOO_DEEP, results.get(results.size() - 1));
        assertEquals(1, dispatcher.stats(Channel.D).tooDeep());
        assertEquals(4, dispatcher.stats(Channel.D).published());
        assertEquals("causal depth too deep", Publication.describe(Publication.TOO_DEEP));
    }

    @Test
    void shouldLogTheRefusalOncePerOriginNotOncePerEvent()
    {
        dispatcher = Dispatcher.start(options(1), null);
        for (final String scope : new String[] {"t1:", "t2:"})
        {
            // events stay in their scope: each scope's storm needs its own handler
            dispatcher.subscribe(Channel.E, 5, e -> dispatcher.publish(Channel.E, 5, e.payload(), e.origin()),
                Subscription.NO_OWNER, scope);
        }
        final List<String> printed = new CopyOnWriteArrayList<>();
        SxsWarnings.redirect(printed::add);
        try
        {
            for (int i = 0; i < 10; i++)
            {
                dispatcher.publish(Channel.E, 5, num(i), i % 2 == 0 ? "t1:" : "t2:");
            }
            assertTrue(dispatcher.drain(5000));
        }
        finally
        {
            SxsWarnings.redirect(null);
        }
        final List<String> logged = printed.stream().filter(line -> line.contains("causal depth")).toList();
        assertEquals(10, dispatcher.stats(Channel.E).tooDeep());
        assertEquals(2, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("events.maxDepth 1"), logged.get(0));
        assertTrue(logged.get(0).startsWith("[sxs] events: refused a publication"), logged.get(0));
    }
}
