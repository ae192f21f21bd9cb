package dev.sxs.journal;

import dev.sxs.events.Event;
import dev.sxs.lang.Value;

/**
 * Role: a live runtime that takes replayed events in replay mode: each event is dispatched to the
 * handlers of its channel and topic (their store writes apply), it is not journaled again, and the
 * handlers' own publications are suppressed and counted.
 */
@FunctionalInterface
public interface ReplayTarget
{
    /**
     * Dispatch one replayed event.
     *
     * @param event the event as recorded (original sequence, time, channel, topic, origin).
     * @return the outcome of the publication: an error value when it was refused (for example a full
     *         queue), anything else when accepted.
     */
    Value republish(Event event);
}
