package dev.sxs.events;

/**
 * The journal hook: every event the dispatcher accepts for a live publish is appended here exactly
 * once, before it is dispatched. Replayed events are not appended again.
 * <p>
 * Threading: the dispatcher calls {@link #append} under its publish lock, so calls never overlap and
 * come in sequence order. Failure: an exception from {@link #append} makes the publish fail with
 * {@link Publication#JOURNAL_FAILED}; the event is then not dispatched.
 */
@FunctionalInterface
public interface EventJournal
{
    /**
     * Append one event.
     *
     * @param event the accepted event with its sequence number and timestamp assigned.
     * @return the journal's index of the record (implementation defined).
     */
    long append(Event event);
}
