package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.numOf;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each scope is its own event space: a publish reaches only the handlers and awaiters of the publisher's
 * scope (the event's origin), on the same channel/topic; the root scope "" is one scope among others.
 */
class DispatcherScopesTest
{
    private static final String[] SCOPES = {"", "t1:", "t2:"};

    private Dispatcher dispatcher;

    @AfterEach
    void closeDispatcher()
    {
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    private static String scopeOf(final long n)
    {
        return SCOPES[(int)(n % SCOPES.length)];
    }

    @Test
    void shouldDeliverAnEventOnlyToTheHandlersOfItsScope()
    {
        dispatcher = Dispatcher.start(options(2, 1000, OverflowPolicy.BLOCK, 1000), null);
        final Map<String, List<Long>> received = new ConcurrentHashMap<>();
        for (final String scope : SCOPES)
        {
            final List<Long> mine = new CopyOnWriteArrayList<>();
            received.put(scope, mine);
            dispatcher.subscribe(Channel.A, 60, e -> mine.add(numOf(e)), Subscription.NO_OWNER, scope);
        }
        for (long n = 0; n < 30; n++)
        {
            assertTrue(Publication.isAccepted(dispatcher.publish(Channel.A, 60, num(n), scopeOf(n))));
        }
        assertTrue(dispatcher.drain(10_000));
        for (final String scope : SCOPES)
        {
            final List<Long> expected = new ArrayList<>();
            for (long n = 0; n < 30; n++)
            {
                if (scopeOf(n).equals(scope))
                {
                    expected.add(n);
                }
            }
            assertEquals(expected, received.get(scope), "scope \"" + scope + "\"");
        }
        assertEquals(30, dispatcher.stats(Channel.A).delivered(), "one handler per event, not three");
        assertEquals(Map.of(60, 3), dispatcher.topics(Channel.A), "counts over all scopes");
    }

    @Test
    void shouldNotDeliverAScopedPublishToARootHandlerNorARootPublishToAScopedHandler()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final List<String> root = new CopyOnWriteArrayList<>();
        final List<String> scoped = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(Channel.A, 60, e -> root.add(e.origin()), 1L);
        dispatcher.subscribe(Channel.A, 60, e -> scoped.add(e.origin()), 2L, "t2:");
        dispatcher.publish(Channel.A, 60, num(1), "t1:");
        dispatcher.publish(Channel.A, 60, num(2), "");
        dispatcher.publish(Channel.A, 60, num(3), null);
        dispatcher.publish(Channel.A, 60, num(4), "t2:");
        assertTrue(dispatcher.drain(10_000));
        assertEquals(List.of("", ""), root, "the old overload subscribes in the root scope; null publishes there");
        assertEquals(List.of("t2:"), scoped);
    }

    @Test
    void shouldKeepEachScopeApartWithManyScopesOnOneTopicAndAfterRemovals()
    {
        dispatcher = Dispatcher.start(options(1, 10_000, OverflowPolicy.BLOCK, 1000), null);
        final int scopes = 40;
        final Map<String, List<Long>> received = new ConcurrentHashMap<>();
        final List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < scopes; i++)
        {
            final String scope = "s" + i + ":";
            final List<Long> mine = new CopyOnWriteArrayList<>();
            received.put(scope, mine);
            subs.add(dispatcher.subscribe(Channel.B, 7, e -> mine.add(numOf(e)), i + 1L, scope));
        }
        assertTrue(subs.get(3).cancel());
        assertEquals(1, dispatcher.unsubscribe(Channel.B, 7, 6L), "the handler of s5:");
        for (int i = 0; i < scopes; i++)
        {
            // a scope name built anew: equal, not the same instance as the one subscribed
            dispatcher.publish(Channel.B, 7, num(i), new StringBuilder("s").append(i).append(':').toString());
        }
        dispatcher.publish(Channel.B, 7, num(-1), "");
        assertTrue(dispatcher.drain(10_000));
        for (int i = 0; i < scopes; i++)
        {
            final List<Long> expected = i == 3 || i == 5 ? List.of() : List.of((long)i);
            assertEquals(expected, received.get("s" + i + ":"), "scope s" + i + ":");
        }
        assertEquals(scopes - 2, dispatcher.stats(Channel.B).delivered());
        assertEquals(Map.of(7, scopes - 2), dispatcher.topics(Channel.B));
        final EventHandler ignore = e ->
        {
        };
        assertEquals("t9:", dispatcher.subscribe(Channel.B, 7, ignore, 99L, "t9:").scope());
    }

    @Test
    void shouldCompleteAnAwaiterOnlyWithAnEventOfItsScope()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        try (Awaiter t3 = dispatcher.listen(Channel.A, 1, "t3:"); Awaiter root = dispatcher.listen(Channel.A, 1))
        {
            assertEquals("t3:", t3.scope());
            assertEquals("", root.scope());
            dispatcher.publish(Channel.A, 1, num(10), "");
            dispatcher.publish(Channel.A, 1, num(20), "t1:");
            dispatcher.publish(Channel.A, 1, num(30), "t3:");
            final Event mine = t3.await(0);
            assertNotNull(mine);
            assertEquals(30, numOf(mine), "neither the root nor the t1: publication answers an await in t3:");
            final Event rootEvent = root.await(0);
            assertNotNull(rootEvent);
            assertEquals(10, numOf(rootEvent));
            assertFalse(t3.isCancelled());
        }
        try (Awaiter t4 = dispatcher.listen(Channel.A, 1, "t4:"))
        {
            dispatcher.publish(Channel.A, 1, num(40), "");
            assertNull(t4.await(50), "only other scopes published");
        }
    }

    @Test
    void shouldDispatchAReplayedEventOnlyToTheHandlersOfItsRecordedScope()
    {
        dispatcher = Dispatcher.start(options(1, 1000, OverflowPolicy.BLOCK, 1000), null);
        final List<String> root = new CopyOnWriteArrayList<>();
        final List<String> t1 = new CopyOnWriteArrayList<>();
        dispatcher.subscribe(Channel.C, 5, e -> root.add(e.origin()), 1L, "");
        dispatcher.subscribe(Channel.C, 5, e -> t1.add(e.origin()), 2L, "t1:");
        try (Awaiter awaiter = dispatcher.listen(Channel.C, 5, "t1:"))
        {
            assertEquals(7, dispatcher.publishReplay(new Event(7, 1, Channel.C, 5, num(1), "t1:")));
            assertEquals(8, dispatcher.publishReplay(new Event(8, 2, Channel.C, 5, num(2), "")));
            assertTrue(dispatcher.drain(10_000));
            assertEquals(1, numOf(awaiter.await(0)));
        }
        assertEquals(List.of(""), root);
        assertEquals(List.of("t1:"), t1);
    }
}
