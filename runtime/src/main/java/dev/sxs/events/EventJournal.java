package dev.sxs.events;

/**
 * The journal hook: every event the dispatcher accepts for a live publish is appended here exactly
 * once, before it is dispatched. Replayed events are not appended again.
 * <p>
 * Threading: the dispatcher calls {@link #append} under its publish lock, so calls never overlap. A
 * {@link Dispatcher#publish} is appended on the publishing thread, in sequence order; a
 * {@link Dispatcher#offer} is appended by the dispatch thread just before its handlers run, so offered events
 * keep their order per channel/topic but may come after events with higher sequence numbers. Failure: an
 * exception from {@link #append} makes a publish fail with {@link Publication#JOURNAL_FAILED}, and makes an
 * offered event discarded (counted); either way the event is then not dispatched.
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
