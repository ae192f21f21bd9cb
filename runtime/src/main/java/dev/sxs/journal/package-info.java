/**
 * The persisted event journal and its replay.
 * <p>
 * {@link dev.sxs.journal.Journal} is the role the event system appends through;
 * {@link dev.sxs.journal.ChronicleJournal} keeps every accepted event on Chronicle Queue in a compact binary
 * record ({@link dev.sxs.journal.JournalFormat}) and {@link dev.sxs.journal.NoOpJournal} stands in when the
 * journal is off; a record's payload is printed by the runtime's {@link dev.sxs.journal.PayloadCodec} into a
 * reused {@link dev.sxs.journal.PayloadBuffer}. {@link dev.sxs.journal.Journals#open} chooses from
 * {@link dev.sxs.journal.JournalOptions} (the journal's settings and their defaults); the journal knows nothing
 * of the runtime or the language.
 * <p>
 * {@link dev.sxs.journal.JournalReader} opens a journal folder read-only (also while another process
 * writes it); {@link dev.sxs.journal.Replay} reads a range of it, filtered and paced, into a
 * {@link dev.sxs.journal.ReplaySink}: {@link dev.sxs.journal.PrintSink} prints one record a line,
 * {@link dev.sxs.journal.RepublishSink} hands events back to a live runtime. {@link dev.sxs.journal.ReplayCommand}
 * is the logic of {@code sxs replay}.
 */
package dev.sxs.journal;
