package dev.sxs.events;

import java.util.ArrayList;
import java.util.List;

import dev.sxs.lang.IntValue;
import dev.sxs.lang.Value;

/**
 * Helpers shared by the dispatcher tests.
 */
final class DispatcherTestSupport
{
    private DispatcherTestSupport()
    {
    }

    static DispatcherOptions options(final int workers, final int capacity, final OverflowPolicy policy,
        final long publishTimeoutMillis)
    {
        return DispatcherOptions.defaults().withWorkers(workers, IdleMode.BACKOFF, 0)
            .withQueue(capacity, policy, publishTimeoutMillis);
    }

    static Value num(final long n)
    {
        return IntValue.of(n);
    }

    static long numOf(final Event event)
    {
        return ((IntValue)event.payload()).value();
    }

    static List<String> sxsThreads()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("sxs-dispatch") && t.isAlive())
            {
                names.add(t.getName());
            }
        }
        return names;
    }

    /** A journal that records what it was given. */
    static final class RecordingJournal implements EventJournal
    {
        final List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public long append(final Event event)
        {
            events.add(event);
            return events.size();
        }

        boolean contains(final long sequence)
        {
            synchronized (events)
            {
                for (final Event e : events)
                {
                    if (e.sequence() == sequence)
                    {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
