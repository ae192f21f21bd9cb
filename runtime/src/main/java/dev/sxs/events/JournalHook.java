package dev.sxs.events;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The dispatcher's side of its {@link EventJournal}: the journal and the publish lock every append is made
 * under, so appends never overlap. A live {@link Dispatcher#publish} appends on the publishing thread, under
 * the lock with its sequence number and hand-off, so those records come in sequence order; an
 * {@link Dispatcher#offer} (a source that must never wait, a probe on a host thread) is queued marked
 * {@link Event#journalOnDispatch()} (no wrapper: the host thread allocates only the event) and appended by the
 * dispatch thread that takes it, just before its handlers run ({@link #appendLate}).
 * <p>
 * Threading: any thread. Failure: {@link #appendLate} records the journal's exception once per distinct error
 * and reports false; it never throws. Allocation: none besides the journal's own.
 */
final class JournalHook
{
    /** Guards the sequence, the append and the hand-off of a live publish, and every late append. */
    final ReentrantLock lock = new ReentrantLock();
    /** The journal, or null when events are not journaled. */
    final EventJournal journal;
    private final HandlerErrors errors;

    /**
     * @param journal the journal, or null for none.
     * @param errors  where a failed append is recorded.
     */
    JournalHook(final EventJournal journal, final HandlerErrors errors)
    {
        this.journal = journal;
        this.errors = errors;
    }

    /**
     * Append an offered event on the dispatch thread, before its handlers run.
     *
     * @param event the event, with its sequence number and timestamp.
     * @return true when appended; false when the journal refused it (recorded): the caller discards the event.
     */
    boolean appendLate(final Event event)
    {
        lock.lock();
        try
        {
            journal.append(event);
            return true;
        }
        catch (final Throwable t)
        {
            errors.recordJournal(t);
            return false;
        }
        finally
        {
            lock.unlock();
        }
    }
}
