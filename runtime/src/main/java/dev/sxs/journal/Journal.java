package dev.sxs.journal;

import dev.sxs.events.Event;
import dev.sxs.events.EventJournal;

/**
 * Role: the append-only record of every accepted event; the dispatcher's {@link EventJournal} hook.
 * <p>
 * Threading: {@link #append} may be called from many threads at once (the dispatcher calls it under its publish
 * lock: in sequence order for publishes, in dispatch order for offered events, see {@link EventJournal}); records
 * are kept in the order their appends completed. {@link #info} may be called from any thread. {@link #close} is
 * idempotent.
 */
public interface Journal extends EventJournal, AutoCloseable
{
    /** Index returned when an event was not journaled because the journal is off. */
    long NO_INDEX = -1L;

    /**
     * Append one event as one record.
     *
     * @param event the accepted event.
     * @return the record's index in the journal (its position, usable with replay {@code --from}), or
     *         {@link #NO_INDEX} when the journal is off.
     * @throws JournalException when the record could not be written (closed journal, I/O failure); the
     *         message says which (the dispatcher then refuses the publish with JOURNAL_FAILED).
     */
    @Override
    default long append(final Event event)
    {
        return append(event, RecordType.of(event.channel()));
    }

    /**
     * Append one record of a given type (audit records are appended so, never dispatched).
     *
     * @param event the event (for an audit record: its payload, time and origin).
     * @param type  the record type.
     * @return the record's index, or {@link #NO_INDEX} when the journal is off.
     * @throws JournalException when the record could not be written.
     */
    long append(Event event, RecordType type);

    /**
     * @return a snapshot of the journal's metadata (folder, index range, time range, size on disk).
     */
    JournalInfo info();

    /**
     * @return the message of the latest append that failed ("" when none did), for the error a refused publish
     *     gives; any thread.
     */
    default String lastFailure()
    {
        return "";
    }

    /**
     * @return true when appends are recorded (false for the no-op journal).
     */
    boolean isEnabled();

    /**
     * Flush and release the files; later appends fail with {@link JournalException}.
     */
    @Override
    void close();
}
