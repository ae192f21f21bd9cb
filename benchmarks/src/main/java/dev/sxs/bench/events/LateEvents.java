package dev.sxs.bench.events;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Where the tail of a fixed-rate run comes from: the due time of every event handled later than
 * {@link #LATE_NANOS}, set against the garbage-collection pauses of the same run (from the JVM's collection
 * notifications). A late event is charged to a collection when it was due while the pause ran or in the
 * {@link #SLACK_NANOS} before it (it sat in the queue or in the publisher's hand when the world stopped) or
 * after it (the backlog drains). Printed as one {@code LATE} line per trial.
 * <p>
 * Threading: {@link #late} on the consumer thread only; pauses arrive on a JMX notification thread and are
 * read at the end of a trial. Allocation: none per event (a preallocated array of due times).
 */
final class LateEvents implements NotificationListener, AutoCloseable
{
    /** An event handled later than this after its due time is late: twice the blocking Disruptor's quiet p99. */
    static final long LATE_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int MAX_LATE = 1 << 20;

    private final long[] dueOfLate = new long[MAX_LATE];
    private final List<long[]> pauses = new ArrayList<>();
    private final long nanoAtJvmStart;
    private int lateCount;
    private long lateSeen;

    LateEvents()
    {
        nanoAtJvmStart = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(
            ManagementFactory.getRuntimeMXBean().getUptime());
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            ((NotificationEmitter)gc).addNotificationListener(this, null, null);
        }
    }

    /** Consumer thread: one event handled {@code latency} after {@code due}. */
    void handled(final long due, final long latency)
    {
        if (latency > LATE_NANOS)
        {
            lateSeen++;
            if (lateCount < MAX_LATE)
            {
                dueOfLate[lateCount++] = due;
            }
        }
    }

    /** Forget what was seen so far (a warm-up batch ended). */
    void reset()
    {
        lateCount = 0;
        lateSeen = 0;
        synchronized (pauses)
        {
            pauses.clear();
        }
    }

    @Override
    public void handleNotification(final Notification notification, final Object handback)
    {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType()))
        {
            return;
        }
        final GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData());
        final long start = nanoAtJvmStart + TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getStartTime());
        final long end = nanoAtJvmStart + TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getEndTime());
        synchronized (pauses)
        {
            pauses.add(new long[] {start, end});
        }
    }

    /** @return the trial's line: late events, how many fall on a collection, the collections and their time. */
    String summary(final String pipeline, final long events)
    {
        final List<long[]> seen;
        synchronized (pauses)
        {
            seen = new ArrayList<>(pauses);
        }
        int onGc = 0;
        for (int i = 0; i < lateCount; i++)
        {
            final long due = dueOfLate[i];
            for (final long[] p : seen)
            {
                if (due >= p[0] - SLACK_NANOS && due <= p[1] + SLACK_NANOS)
                {
                    onGc++;
                    break;
                }
            }
        }
        long pauseNanos = 0;
        for (final long[] p : seen)
        {
            pauseNanos += p[1] - p[0];
        }
        return String.format("LATE %s >%dus: %d of %d (%.3f%%), %d due around a collection; %d collections, %.1f ms",
            pipeline, TimeUnit.NANOSECONDS.toMicros(LATE_NANOS), lateSeen, events,
            lateSeen * 100.0 / Math.max(1, events), onGc, seen.size(), pauseNanos / 1e6);
    }

    @Override
    public void close()
    {
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            try
            {
                ((NotificationEmitter)gc).removeNotificationListener(this);
            }
            catch (final ListenerNotFoundException ignored)
            {
                // never added to this one
            }
        }
    }
}
