package dev.sxs.journal;

import dev.sxs.events.Event;

/**
 * The journal when journaling is off: appends nothing and costs nothing. Thread-safe, allocation-free.
 */
public final class NoOpJournal implements Journal
{
    /** The one instance. */
    public static final NoOpJournal INSTANCE = new NoOpJournal();

    private NoOpJournal()
    {
    }

    @Override
    public long append(final Event event)
    {
        return NO_INDEX;
    }

    @Override
    public long append(final Event event, final RecordType type)
    {
        return NO_INDEX;
    }

    @Override
    public JournalInfo info()
    {
        return JournalInfo.DISABLED;
    }

    @Override
    public boolean isEnabled()
    {
        return false;
    }

    @Override
    public void close()
    {
    }
}
