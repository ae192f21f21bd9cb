package dev.sxs.events;

/**
 * A subscriber's reaction to events on one channel/topic.
 * <p>
 * Threading: called on a dispatcher worker thread ({@code sxs-dispatch-N}); one handler receives the
 * events of one channel/topic one at a time, in publish order. Failure: an exception thrown here is
 * counted and logged once per distinct error by the dispatcher; it never stops the worker and never
 * reaches the publisher.
 */
@FunctionalInterface
public interface EventHandler
{
    /**
     * React to one event.
     *
     * @param event the event; immutable.
     * @throws Exception any failure, counted as a handler error.
     */
    void onEvent(Event event) throws Exception;
}
