package dev.sxs.journal;

import dev.sxs.events.Event;

/**
 * Role: a live runtime that takes replayed events in replay mode: each event is dispatched to the
 * handlers of its channel and topic (their store writes apply), it is not journaled again, and the
 * handlers' own publications are suppressed and counted. {@code Dispatcher::publishReplay} is one.
 */
@FunctionalInterface
public interface ReplayTarget
{
    /**
     * Dispatch one replayed event.
     *
     * @param event the event as recorded (original sequence, time, channel, topic, origin).
     * @return a positive value when accepted; a negative {@link dev.sxs.events.Publication} code when
     *         refused (queue full, closed, ...).
     */
    long republish(Event event);
}
