package dev.sxs.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Dispatcher#subscriptionsOf} (kept per owner) follows every way a handler comes and goes (subscribe, unsubscribe by
 * topic, by owner, by the subscription itself), in registration order.
 */
class OwnedHandlersTest
{
    private final Dispatcher dispatcher = Dispatcher.start(DispatcherOptions.defaults(), null);

    @AfterEach
    void close()
    {
        dispatcher.close();
    }

    @Test
    void shouldTellWhetherAnOwnerHasHandlers()
    {
        final EventHandler handler = event ->
        {
        };
        assertTrue(dispatcher.subscriptionsOf(7).isEmpty());
        final Subscription first = dispatcher.subscribe(Channel.A, 1, handler, 7);
        dispatcher.subscribe(Channel.B, 2, handler, 7);
        dispatcher.subscribe(Channel.B, 2, handler, 8);
        assertFalse(dispatcher.subscriptionsOf(7).isEmpty());
        first.cancel();
        assertFalse(dispatcher.subscriptionsOf(7).isEmpty());
        assertEquals(1, dispatcher.unsubscribe(Channel.B, 2, 7));
        assertTrue(dispatcher.subscriptionsOf(7).isEmpty());
        assertFalse(dispatcher.subscriptionsOf(8).isEmpty());
        assertEquals(1, dispatcher.unsubscribeAll(8));
        assertTrue(dispatcher.subscriptionsOf(8).isEmpty());
    }
}
