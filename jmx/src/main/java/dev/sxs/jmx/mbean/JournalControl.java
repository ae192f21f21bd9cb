package dev.sxs.jmx.mbean;

import dev.sxs.events.Channel;
import dev.sxs.jmx.access.JournalAccess;
import dev.sxs.jmx.access.ReplayStatus;
import dev.sxs.jmx.audit.AuditLog;
import dev.sxs.jmx.remote.CurrentSubject;

import java.time.Instant;

/**
 * The {@link JournalMXBean}. Remembers the last replay it started so its progress shows as
 * attributes, and says when it ends through {@link SxsNotifications}. {@code replay} is audited before it
 * starts. Thread-safe.
 */
public final class JournalControl implements JournalMXBean
{
    /** Most records one {@code tail} call returns. */
    public static final int MAX_TAIL = 10_000;

    /** The channel choice of {@code replay} that re-runs scripts besides re-publishing events. */
    public static final String ALL_WITH_SCRIPTS = "all";

    private final JournalAccess journal;
    private final AuditLog audit;
    private final SxsNotifications notifications;
    private volatile ReplayStatus last = ReplayStatus.NONE;

    /**
     * @param journal the journal.
     * @param audit   where replays are recorded.
     */
    public JournalControl(final JournalAccess journal, final AuditLog audit)
    {
        this(journal, audit, null);
    }

    /**
     * @param journal       the journal.
     * @param audit         where replays are recorded.
     * @param notifications told when a replay ends; null for none.
     */
    public JournalControl(final JournalAccess journal, final AuditLog audit, final SxsNotifications notifications)
    {
        this.journal = journal;
        this.audit = audit;
        this.notifications = notifications;
    }

    @Override
    public String getFolder()
    {
        return journal.folder();
    }

    @Override
    public long getRecords()
    {
        return journal.records();
    }

    @Override
    public long getFirstIndex()
    {
        return journal.firstIndex();
    }

    @Override
    public long getLastIndex()
    {
        return journal.lastIndex();
    }

    @Override
    public String getFirstTime()
    {
        return time(journal.firstTimeNanos());
    }

    @Override
    public String getLastTime()
    {
        return time(journal.lastTimeNanos());
    }

    @Override
    public long getSizeOnDisk()
    {
        return journal.sizeOnDisk();
    }

    @Override
    public String getReplayState()
    {
        return last.state();
    }

    @Override
    public long getReplayTotal()
    {
        return last.total();
    }

    @Override
    public long getReplayRead()
    {
        return last.read();
    }

    @Override
    public long getReplayDelivered()
    {
        return last.delivered();
    }

    @Override
    public double getReplayPercent()
    {
        final ReplayStatus status = last;
        final long total = status.total();
        if (total <= 0)
        {
            return "DONE".equals(status.state()) ? 100.0 : 0.0;
        }
        return Math.min(100.0, 100.0 * status.read() / total);
    }

    @Override
    public String getReplayError()
    {
        return last.error();
    }

    @Override
    public synchronized String replay(final long from, final long to, final String channel, final int topic)
    {
        if (from < JournalAccess.NO_INDEX || to < JournalAccess.NO_INDEX)
        {
            throw new IllegalArgumentException(
                "replay: from and to are journal indexes, or -1 for the first/last record");
        }
        if (from >= 0 && to >= 0 && to < from)
        {
            throw new IllegalArgumentException("replay: to " + to + " is before from " + from);
        }
        // events only unless scripts are named: re-running a script subscribes its handlers a second time
        final String selection = channel == null ? "" : channel.trim();
        final boolean all = selection.equalsIgnoreCase(ALL_WITH_SCRIPTS);
        Channel only = null;
        if (!selection.isEmpty() && !all)
        {
            only = Channel.byName(selection);
            if (only == null)
            {
                throw new IllegalArgumentException("replay: unknown channel '" + channel
                    + "' (expected A..F, exec for scripts, all for events and scripts, or empty for all events)");
            }
        }
        if (topic != JournalAccess.ANY_TOPIC && !Channel.isValidTopic(topic))
        {
            throw new IllegalArgumentException("replay: topic " + topic + " is out of range 0..65535 (or -1 for all)");
        }
        if ("RUNNING".equals(last.state()))
        {
            throw new IllegalStateException("replay: a replay is already running (" + last.read() + " records read)");
        }
        final String what = "from=" + from + " to=" + to + " channel="
            + (only != null ? only.label() : all ? ALL_WITH_SCRIPTS : "events")
            + " topic=" + (topic == JournalAccess.ANY_TOPIC ? "*" : Integer.toString(topic));
        audit.record(CurrentSubject.who(), "Journal.replay", what);
        final ReplayStatus started = journal.replay(from, to, only, topic, all || only == Channel.EXEC);
        last = started;
        if (notifications != null)
        {
            started.whenEnded(() -> notifications.replayEnded(started.state(), started.read(), started.delivered(),
                started.error()));
        }
        return "replay started: " + what + "; progress in ReplayState, ReplayRead, ReplayPercent";
    }

    @Override
    public TailEntry[] tail(final int n)
    {
        if (n < 1 || n > MAX_TAIL)
        {
            throw new IllegalArgumentException("tail: n " + n + " is out of range 1.." + MAX_TAIL);
        }
        return journal.tail(n).stream().map(TailEntry::of).toArray(TailEntry[]::new);
    }

    private static String time(final long epochNanos)
    {
        if (epochNanos == 0)
        {
            return "";
        }
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
