package dev.sxs.jmx.audit;

import dev.sxs.events.Event;
import dev.sxs.journal.Journal;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * An {@link AuditLog} writing {@link AuditRecords} into the event journal. When the journal is off
 * or an append fails, the record goes to a fallback line sink instead (stderr in the agent), so no
 * action goes unrecorded. Threading: any thread (the journal's appends are thread-safe). Never throws.
 */
public final class JournalAuditLog implements AuditLog
{
    private final Journal journal;
    private final Consumer<String> fallback;

    /**
     * @param journal  the runtime's journal.
     * @param fallback where a record goes as one text line when the journal cannot take it.
     */
    public JournalAuditLog(final Journal journal, final Consumer<String> fallback)
    {
        this.journal = journal;
        this.fallback = fallback;
    }

    @Override
    public void record(final String who, final String operation, final String detail)
    {
        final Instant now = Instant.now();
        final long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        String problem = "journal is off";
        final Event record = AuditRecords.event(nanos, who, operation, detail);
        if (journal != null && journal.isEnabled())
        {
            try
            {
                journal.append(record);
                return;
            }
            catch (final RuntimeException ex)
            {
                problem = ex.getMessage();
            }
        }
        try
        {
            // the record's printed form: one line whatever the detail holds (strings escape line breaks)
            fallback.accept("sxs audit (" + problem + "): " + now + " " + record.payload());
        }
        catch (final RuntimeException ignored)
        {
            // auditing never stops the action
        }
    }
}
