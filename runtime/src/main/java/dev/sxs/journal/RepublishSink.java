package dev.sxs.journal;

import dev.sxs.events.Event;
import dev.sxs.events.Publication;

/**
 * Re-publishes replayed records into a live runtime through a {@link ReplayTarget}: events, scripts only
 * when asked ({@link #RepublishSink(PayloadCodec, ReplayTarget, boolean)}: re-running a script into the
 * runtime that ran it subscribes its handlers twice), never {@link RecordType#AUDIT audit records}; records
 * passed over are counted in {@link #skipped()}. The payload is read
 * back from its canonical form, and the event keeps its recorded sequence, time, channel, topic and origin.
 * Records whose payload does not read back, and publications the target refuses, are counted and skipped,
 * with the first message of each kept for the operator.
 * <p>
 * Threading: one replaying thread; the counters may be read from any thread.
 */
public final class RepublishSink implements ReplaySink
{
    private final PayloadCodec codec;
    private final ReplayTarget target;
    private final boolean scripts;
    private volatile long published;
    private volatile long unreadable;
    private volatile long refused;
    private volatile long skipped;
    private volatile String firstProblem = "";

    /**
     * A sink that re-publishes events and scripts.
     *
     * @param codec  reads a record's payload text back (the runtime's language codec).
     * @param target the runtime taking the events.
     */
    public RepublishSink(final PayloadCodec codec, final ReplayTarget target)
    {
        this(codec, target, true);
    }

    /**
     * @param codec   reads a record's payload text back (the runtime's language codec).
     * @param target  the runtime taking the events.
     * @param scripts true to re-run script records (execution channel) too, false to pass over them.
     */
    public RepublishSink(final PayloadCodec codec, final ReplayTarget target, final boolean scripts)
    {
        this.codec = codec;
        this.target = target;
        this.scripts = scripts;
    }

    @Override
    public void accept(final JournalEntry entry)
    {
        if (entry.type() == RecordType.AUDIT || !scripts && entry.type() == RecordType.SCRIPT)
        {
            skipped++;
            return;
        }
        final String text = entry.payload().toString();
        final Object payload;
        try
        {
            payload = codec.decode(text);
        }
        catch (final IllegalArgumentException ex)
        {
            unreadable++;
            problem("payload at index " + entry.index() + " does not read back: " + ex.getMessage());
            return;
        }
        final Event event = new Event(entry.sequence(), entry.timestampNanos(), entry.channel(), entry.topic(),
            payload, entry.origin().toString());
        final long outcome = target.republish(event);
        if (outcome < 0)
        {
            refused++;
            problem("event at index " + entry.index() + " refused by the runtime: " + Publication.describe(outcome));
            return;
        }
        published++;
    }

    private void problem(final String message)
    {
        if (firstProblem.isEmpty())
        {
            firstProblem = message;
        }
    }

    /** @return events handed to the runtime and accepted. */
    public long published()
    {
        return published;
    }

    /** @return records skipped because their payload did not read back. */
    public long unreadable()
    {
        return unreadable;
    }

    /** @return audit records, and script records when not asked for, passed over. */
    public long skipped()
    {
        return skipped;
    }

    /** @return events the runtime refused. */
    public long refused()
    {
        return refused;
    }

    /** @return the first problem met, "" when none. */
    public String firstProblem()
    {
        return firstProblem;
    }
}
