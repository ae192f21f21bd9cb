package dev.sxs.events;

/**
 * Queue element marking a replayed event: dispatched with the replay flag set, never journaled.
 *
 * @param event the original event.
 */
record Replayed(Event event)
{
}
