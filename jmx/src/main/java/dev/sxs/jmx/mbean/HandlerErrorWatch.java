package dev.sxs.jmx.mbean;

import dev.sxs.concurrent.SxsThreadFactory;
import dev.sxs.events.Channel;
import dev.sxs.jmx.access.ChannelAccess;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns handler failures into {@link SxsNotifications#HANDLER_ERRORS} notifications, rate-limited: every
 * period it compares each channel's handler error counter with the last look and sends at most one
 * notification per channel that had failures, with how many, the total, and the distinct error that grew
 * most. It reads counters the dispatcher keeps anyway, so dispatch pays nothing. Its thread
 * ({@code sxs-notify}) starts with the first notification listener, not before; {@link #close()} stops it.
 * Thread-safe.
 */
public final class HandlerErrorWatch implements AutoCloseable
{
    /** How often the counters are compared, so how often a channel can notify. */
    public static final long DEFAULT_PERIOD_MILLIS = 10_000;

    private final ChannelAccess channels;
    private final SxsNotifications notifications;
    private final long periodMillis;
    private final long[] seen = new long[Channel.values().length];
    private Map<String, Long> seenErrors;
    private Thread thread;
    private boolean closed;

    /**
     * @param channels      the counters and distinct errors.
     * @param notifications where notifications go.
     * @param periodMillis  how often to look.
     */
    public HandlerErrorWatch(final ChannelAccess channels, final SxsNotifications notifications,
        final long periodMillis)
    {
        this.channels = channels;
        this.notifications = notifications;
        this.periodMillis = periodMillis;
        for (final Channel c : Channel.values())
        {
            seen[c.ordinal()] = channels.counters(c).handlerErrors();
        }
        this.seenErrors = channels.distinctErrors();
    }

    /** Start looking, unless already started or closed. */
    public synchronized void start()
    {
        if (thread != null || closed)
        {
            return;
        }
        thread = SxsThreadFactory.create().newThread(this::run, "sxs-notify");
        thread.start();
    }

    private void run()
    {
        while (await())
        {
            check();
        }
    }

    private synchronized boolean await()
    {
        final long deadline = System.currentTimeMillis() + periodMillis;
        long left = periodMillis;
        while (!closed && left > 0)
        {
            try
            {
                wait(left);
            }
            catch (final InterruptedException ex)
            {
                return false;
            }
            left = deadline - System.currentTimeMillis();
        }
        return !closed;
    }

    /** Compare the counters with the last look and notify for each channel with new failures. */
    void check()
    {
        String latest = null;
        for (final Channel c : Channel.values())
        {
            final long total = channels.counters(c).handlerErrors();
            final long recent = total - seen[c.ordinal()];
            seen[c.ordinal()] = total;
            if (recent > 0)
            {
                if (latest == null)
                {
                    latest = grownError();
                }
                notifications.handlerErrors(c.label(), recent, total, latest);
            }
        }
    }

    private String grownError()
    {
        final Map<String, Long> now = channels.distinctErrors();
        String grown = "";
        long most = 0;
        for (final Map.Entry<String, Long> e : now.entrySet())
        {
            final long growth = e.getValue() - seenErrors.getOrDefault(e.getKey(), 0L);
            if (growth > most)
            {
                most = growth;
                grown = e.getKey();
            }
        }
        seenErrors = new HashMap<>(now);
        return messageOf(grown);
    }

    /**
     * @param distinct a distinct error as the dispatcher keys it: {@code CLASS: MESSAGE at FRAME}.
     * @return its message alone (no Java class or frame).
     */
    static String messageOf(final String distinct)
    {
        final int colon = distinct.indexOf(": ");
        final String message = colon < 0 ? distinct : distinct.substring(colon + 2);
        final int at = message.lastIndexOf(" at ");
        return at < 0 ? message : message.substring(0, at);
    }

    /** Stop the thread and wait for it. Idempotent. */
    @Override
    public void close()
    {
        final Thread running;
        synchronized (this)
        {
            closed = true;
            notifyAll();
            running = thread;
        }
        if (running != null && running != Thread.currentThread())
        {
            try
            {
                running.join(periodMillis + 1000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
