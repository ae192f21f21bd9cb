package dev.sxs.events;

/**
 * Queue element marking an offered event that is not journaled yet: the dispatch thread appends it to the
 * journal just before its handlers run ({@link JournalHook#appendLate}), so the thread that offered it (a host
 * thread, for a probe) never pays for the append.
 *
 * @param event the accepted event.
 */
record JournalLater(Event event)
{
}
