package dev.sxs.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.sxs.log.SxsWarnings;

/**
 * Counts handler failures and logs each distinct one once (Agrona's {@code DistinctErrorLog} idea:
 * identity = exception class, message and throwing frame). Distinct entries are capped so a handler
 * producing ever-new messages cannot grow memory; beyond the cap failures are only counted.
 * <p>
 * Threading: safe from any thread. Allocation: only on the first occurrence of a distinct error.
 */
final class HandlerErrors
{
    static final int DEFAULT_MAX_DISTINCT = 1024;

    private final Map<String, LongAdder> distinct = new ConcurrentHashMap<>();
    private final int maxDistinct;

    HandlerErrors(final int maxDistinct)
    {
        this.maxDistinct = maxDistinct;
    }

    void record(final Throwable error, final Subscription subscription)
    {
        final String key = keyOf(error);
        final LongAdder count = distinct.get(key);
        if (count != null)
        {
            count.increment();
            return;
        }
        if (distinct.size() >= maxDistinct)
        {
            return;
        }
        final LongAdder fresh = new LongAdder();
        fresh.increment();
        if (distinct.putIfAbsent(key, fresh) == null)
        {
            SxsWarnings.warn("handler failed on " + subscription.channel().label() + "/"
                + subscription.topic() + " (logged once, further occurrences counted): " + error);
        }
        else
        {
            distinct.get(key).increment();
        }
    }

    void recordJournal(final Throwable error)
    {
        final String key = "journal/sink: " + keyOf(error);
        if (distinct.putIfAbsent(key, new LongAdder()) == null)
        {
            SxsWarnings.warn("journal or channel sink failed (logged once): " + error);
        }
        distinct.get(key).increment();
    }

    /** @return distinct error descriptions with their counts. */
    Map<String, Long> snapshot()
    {
        final Map<String, Long> copy = new java.util.TreeMap<>();
        distinct.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private static String keyOf(final Throwable error)
    {
        final StackTraceElement[] trace = error.getStackTrace();
        final String where = trace.length == 0 ? "" : " at " + trace[0];
        return error.getClass().getName() + ": " + error.getMessage() + where;
    }
}
