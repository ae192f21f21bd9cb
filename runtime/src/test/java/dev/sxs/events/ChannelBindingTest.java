package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sink bound to a channel gets each event with the attachment of its type given to
 * {@link ChannelBinding#publish}, none for events published otherwise, and the channel returns to the
 * workers when the binding closes. Owners of subscriptions are numbers, listed in registration order.
 */
class ChannelBindingTest
{
    private Dispatcher dispatcher;

    @AfterEach
    void closeDispatcher()
    {
        if (dispatcher != null)
        {
            dispatcher.close(1000, 1000);
        }
    }

    @Test
    void shouldHandTheSinkTheTypedAttachmentOfItsBinding()
    {
        dispatcher = Dispatcher.start(options(1, 100, OverflowPolicy.BLOCK, 1000), null);
        final List<String> got = Collections.synchronizedList(new ArrayList<>());
        final ChannelBinding<StringBuilder> binding = dispatcher.bind(Channel.EXEC, (event, attachment, replay) ->
        {
            got.add(attachment == null ? "none" : attachment.append("!").toString());
            dispatcher.completed(Channel.EXEC, true);
        });
        assertTrue(binding.isBound());
        assertTrue(Publication.isAccepted(binding.publish(1, num(1), "", new StringBuilder("typed"))));
        assertTrue(Publication.isAccepted(dispatcher.publish(Channel.EXEC, 1, num(2), "")));
        assertEquals(List.of("typed!", "none"), got);
        assertEquals(2, dispatcher.stats(Channel.EXEC).delivered());
        assertEquals(0, dispatcher.pending());
    }

    @Test
    void shouldReturnTheChannelToTheWorkersWhenTheBindingCloses() throws Exception
    {
        dispatcher = Dispatcher.start(options(1, 100, OverflowPolicy.BLOCK, 1000), null);
        final ChannelBinding<Object> binding = dispatcher.bind(Channel.F, (event, attachment, replay) ->
            dispatcher.completed(Channel.F, true));
        binding.close();
        assertFalse(binding.isBound());
        final CountDownLatch handled = new CountDownLatch(1);
        dispatcher.subscribe(Channel.F, 1, e -> handled.countDown(), 1L);
        binding.publish(1, num(1), "", "ignored");
        assertTrue(handled.await(10, TimeUnit.SECONDS));
    }

    @Test
    void shouldListAnOwnersSubscriptionsInRegistrationOrder()
    {
        dispatcher = Dispatcher.start(options(1, 100, OverflowPolicy.BLOCK, 1000), null);
        final Subscription first = dispatcher.subscribe(Channel.B, 9, e -> {}, 7L);
        dispatcher.subscribe(Channel.A, 1, e -> {}, 8L);
        final Subscription second = dispatcher.subscribe(Channel.A, 2, e -> {}, 7L);
        final Subscription none = dispatcher.subscribe(Channel.A, 2, e -> {}, Subscription.NO_OWNER);
        assertEquals(List.of(first, second), dispatcher.subscriptionsOf(7L));
        assertEquals(7L, first.ownerId());
        assertEquals(List.of(none), dispatcher.subscriptionsOf(Subscription.NO_OWNER));
        assertEquals(2, dispatcher.unsubscribeAll(7L));
        assertEquals(List.of(), dispatcher.subscriptionsOf(7L));
        assertEquals(1, dispatcher.subscriptionsOf(8L).size());
    }
}
