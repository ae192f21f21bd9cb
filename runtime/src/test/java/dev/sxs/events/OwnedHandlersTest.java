package dev.sxs.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Dispatcher#hasSubscriptions} follows every way a handler comes and goes (subscribe, unsubscribe by
 * topic, by owner, by the subscription itself), without listing the handlers.
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
        final EventHandler handler = event -> { };
        assertFalse(dispatcher.hasSubscriptions(7));
        final Subscription first = dispatcher.subscribe(Channel.A, 1, handler, 7);
        dispatcher.subscribe(Channel.B, 2, handler, 7);
        dispatcher.subscribe(Channel.B, 2, handler, 8);
        assertTrue(dispatcher.hasSubscriptions(7));
        first.cancel();
        assertTrue(dispatcher.hasSubscriptions(7));
        assertEquals(1, dispatcher.unsubscribe(Channel.B, 2, 7));
        assertFalse(dispatcher.hasSubscriptions(7));
        assertTrue(dispatcher.hasSubscriptions(8));
        assertEquals(1, dispatcher.unsubscribeAll(8));
        assertFalse(dispatcher.hasSubscriptions(8));
    }
}
