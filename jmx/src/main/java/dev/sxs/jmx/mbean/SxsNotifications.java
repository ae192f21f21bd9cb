package dev.sxs.jmx.mbean;

import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JMX notifications of one sxs runtime, all emitted by {@code dev.sxs:type=Runtime} so one
 * subscription sees them: a replay finished or failed, handler errors on a channel (at most one per channel
 * per period, see {@link HandlerErrorWatch}), and sxs stopping (once). Listeners run on the thread that
 * sends (a replay thread, the watch thread, the stopping caller): a listener must be quick, as JMX's own
 * remote forwarding is. Thread-safe.
 */
public final class SxsNotifications extends NotificationBroadcasterSupport
{
    /** A replay ended having read its whole range. */
    public static final String REPLAY_FINISHED = "dev.sxs.replay.finished";
    /** A replay ended early: it failed or was cancelled; the message says why. */
    public static final String REPLAY_FAILED = "dev.sxs.replay.failed";
    /** Handlers on a channel failed since the last such notification of that channel. */
    public static final String HANDLER_ERRORS = "dev.sxs.handler.errors";
    /** sxs is stopping: its MBeans go away next. */
    public static final String STOPPING = "dev.sxs.stopping";

    private static final MBeanNotificationInfo[] INFO = {
        new MBeanNotificationInfo(new String[] {REPLAY_FINISHED, REPLAY_FAILED},
            Notification.class.getName(), "A replay started by Journal.replay ended: finished (records read and "
            + "re-published in the message) or failed (why)."),
        new MBeanNotificationInfo(new String[] {HANDLER_ERRORS}, Notification.class.getName(),
            "Handlers on a channel failed: how many since the last notice, the total, and the latest distinct error; "
            + "at most one per channel every few seconds."),
        new MBeanNotificationInfo(new String[] {STOPPING}, Notification.class.getName(),
            "sxs is stopping (Runtime.stop, the agent unloading or the JVM exiting); its MBeans go away next."),
    };

    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /**
     * @param source the MBean named as the source of every notification.
     */
    public SxsNotifications(final ObjectName source)
    {
        super(INFO);
        this.source = source;
    }

    /**
     * Say that a replay ended.
     *
     * @param state     DONE, FAILED or CANCELLED.
     * @param read      records read.
     * @param delivered records re-published.
     * @param error     why it failed, "" when it did not.
     */
    public void replayEnded(final String state, final long read, final long delivered, final String error)
    {
        final boolean done = "DONE".equals(state);
        final String counts = read + " records read, " + delivered + " re-published";
        send(done ? REPLAY_FINISHED : REPLAY_FAILED, done ? "replay finished: " + counts
            : "replay " + state.toLowerCase(java.util.Locale.ROOT) + " after " + counts
                + (error == null || error.isEmpty() ? "" : ": " + error));
    }

    /**
     * Say that handlers on a channel failed.
     *
     * @param channel the channel label.
     * @param recent  failures since the last notice of this channel.
     * @param total   failures since start.
     * @param latest  the latest distinct error, "" when unknown.
     */
    public void handlerErrors(final String channel, final long recent, final long total, final String latest)
    {
        send(HANDLER_ERRORS, "channel " + channel + ": " + recent + (recent == 1 ? " handler error" : " handler errors")
            + " (" + total + " since start)" + (latest.isEmpty() ? "" : "; latest: " + latest));
    }

    /**
     * Say that sxs is stopping; only the first call sends.
     *
     * @param why who or what stops it.
     */
    public void stopping(final String why)
    {
        if (stopping.compareAndSet(false, true))
        {
            send(STOPPING, "sxs is stopping: " + why);
        }
    }

    private void send(final String type, final String message)
    {
        sendNotification(new Notification(type, source, sequence.incrementAndGet(), System.currentTimeMillis(),
            message));
    }
}
