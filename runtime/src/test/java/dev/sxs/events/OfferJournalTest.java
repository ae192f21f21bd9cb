package dev.sxs.events;

import static dev.sxs.events.DispatcherTestSupport.num;
import static dev.sxs.events.DispatcherTestSupport.numOf;
import static dev.sxs.events.DispatcherTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An offered event (a probe's, on a host thread) is journaled by the dispatch thread just before its handlers
 * run, so the offering thread pays no append; a publish is still journaled on the publishing thread.
 */
class OfferJournalTest
{
    private static final int EVENTS = 200;

    private Dispatcher dispatcher;

    /** Records each event with the name of the thread that appended it; refuses appends while {@code failing}. */
    private static final class ThreadRecordingJournal implements EventJournal
    {
        final Map<Long, String> appendedBy = new ConcurrentHashMap<>();
        final List<Long> order = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public long append(final Event event)
        {
            if (failing.get())
            {
                throw new IllegalStateException("disk full");
            }
            appendedBy.put(event.sequence(), Thread.currentThread().getName());
            order.add(numOf(event));
            return order.size();
        }
    }

    @AfterEach
    void close()
    {
        if (dispatcher != null)
        {
            dispatcher.close();
        }
    }

    @Test
    void shouldJournalAnOfferOnTheDispatchThreadBeforeItsHandlersRunAndInOrder()
    {
        final ThreadRecordingJournal journal = new ThreadRecordingJournal();
        dispatcher = Dispatcher.start(options(2, 1024, OverflowPolicy.ERROR, 1000), journal);
        final List<Long> unjournaledAtHandler = Collections.synchronizedList(new ArrayList<>());
        dispatcher.subscribe(Channel.A, 1, e ->
        {
            if (!journal.appendedBy.containsKey(e.sequence()))
            {
                unjournaledAtHandler.add(e.sequence());
            }
        }, 1L);
        final String host = Thread.currentThread().getName();
        final List<Long> offered = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++)
        {
            final long sequence = dispatcher.offer(Channel.A, 1, num(i), "");
            assertTrue(Publication.isAccepted(sequence), "offer " + i + " gave " + sequence);
            offered.add(sequence);
        }
        final long published = dispatcher.publish(Channel.A, 1, num(EVENTS), "");
        assertTrue(journal.appendedBy.containsKey(published), "a publish is journaled before it returns");
        assertEquals(host, journal.appendedBy.get(published));
        assertTrue(dispatcher.drain(10_000));

        assertEquals(List.of(), unjournaledAtHandler, "every handler saw an event already journaled");
        for (final long sequence : offered)
        {
            final String by = journal.appendedBy.get(sequence);
            assertTrue(by != null && by.startsWith("sxs-dispatch"), "offer " + sequence + " journaled by " + by);
        }
        final List<Long> offeredOrder = new ArrayList<>(journal.order);
        offeredOrder.remove(Long.valueOf(EVENTS));
        final List<Long> expected = new ArrayList<>();
        for (long i = 0; i < EVENTS; i++)
        {
            expected.add(i);
        }
        assertEquals(expected, offeredOrder, "one channel/topic's offers keep their order in the journal");
        assertEquals(EVENTS + 1, dispatcher.stats(Channel.A).delivered());
    }

    @Test
    void shouldDiscardAnOfferTheJournalRefusesWithoutDispatchingIt()
    {
        final ThreadRecordingJournal journal = new ThreadRecordingJournal();
        dispatcher = Dispatcher.start(options(1, 1024, OverflowPolicy.ERROR, 1000), journal);
        final List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        dispatcher.subscribe(Channel.A, 1, e -> seen.add(numOf(e)), 1L);
        journal.failing.set(true);

        final long offered = dispatcher.offer(Channel.A, 1, num(1), "");
        final long published = dispatcher.publish(Channel.A, 1, num(2), "");
        assertTrue(dispatcher.drain(10_000));
        journal.failing.set(false);
        assertTrue(Publication.isAccepted(dispatcher.offer(Channel.A, 1, num(3), "")));
        assertTrue(dispatcher.drain(10_000));

        assertTrue(Publication.isAccepted(offered), "the offering thread is not told: it never waits for the append");
        assertEquals(Publication.JOURNAL_FAILED, published, "a publish is still refused at once");
        assertEquals(List.of(3L), seen, "an event the journal refused reaches no handler");
        final ChannelStats stats = dispatcher.stats(Channel.A);
        assertEquals(2, stats.published());
        assertEquals(1, stats.discarded());
        assertEquals(1, stats.delivered());
        assertEquals(0, stats.queueDepth());
        assertFalse(dispatcher.distinctErrors().isEmpty(), "the journal's failure is recorded");
    }

    @Test
    void shouldAllocateNoMoreOnTheOfferingThreadWithTheJournalOnThanOff()
    {
        final long off = bytesPerAcceptedOffer(null);
        final long on = bytesPerAcceptedOffer(event -> event.sequence());
        assertTrue(on - off < 8, "an accepted offer allocated " + on + " bytes on the offering thread with the "
            + "journal on, " + off + " with it off");
    }

    /** Bytes the calling thread allocates per accepted offer, after a warm-up, in batches the channel takes. */
    private static long bytesPerAcceptedOffer(final EventJournal journal)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final Object payload = num(7);
        final int batch = 500;
        final int rounds = 60;
        final Dispatcher offering = Dispatcher.start(options(1, 1024, OverflowPolicy.ERROR, 1000), journal);
        try
        {
            final LongAdder handled = new LongAdder();
            offering.subscribe(Channel.A, 1, e -> handled.increment(), 1L);
            long allocated = 0;
            for (int round = 0; round < rounds; round++)
            {
                final long before = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < batch; i++)
                {
                    if (!Publication.isAccepted(offering.offer(Channel.A, 1, payload, "")))
                    {
                        throw new AssertionError("offer " + i + " of round " + round + " refused");
                    }
                }
                final long spent = threads.getThreadAllocatedBytes(thread) - before;
                allocated += round >= rounds / 2 ? spent : 0;
                assertTrue(offering.drain(10_000));
            }
            assertEquals((long)batch * rounds, handled.sum());
            return allocated / ((long)batch * (rounds - rounds / 2));
        }
        finally
        {
            offering.close();
        }
    }
}
