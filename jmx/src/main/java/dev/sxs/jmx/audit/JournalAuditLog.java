package dev.sxs.jmx.audit;

import dev.sxs.events.Event;
import dev.sxs.gateway.AuditTrail;
import dev.sxs.journal.Journal;
import dev.sxs.journal.RecordType;
import dev.sxs.session.Origin;
import dev.sxs.session.Principal;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * An {@link AuditLog} and the gateway's {@link AuditTrail}, writing {@link AuditRecords} into the event
 * journal as records of type {@link RecordType#AUDIT}. WHO is the JMX user for JMX calls, else the
 * principal as {@code origin:name} (e.g. {@code cli:local}). When the journal is off
 * or an append fails, the record goes to a fallback line sink instead (stderr in the agent), so no
 * action goes unrecorded. Threading: any thread (the journal's appends are thread-safe). Never throws.
 */
public final class JournalAuditLog implements AuditLog, AuditTrail
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
    public void record(final Principal who, final String action, final String detail)
    {
        record(who.origin() == Origin.JMX ? who.name() : who.toString(), action, detail);
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
                journal.append(record, RecordType.AUDIT);
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
